// Migrations are listed here by hand, in order: a static list works in the built server, in scripts
// and in vitest alike (see docs/decisions/003-migrations.md). Add a new file and a line below.
import type { Migration } from 'kysely'
import * as m0001 from './0001_initial'
import * as m0002 from './0002_sign_in_security'
import * as m0003 from './0003_activity_indexes'
import * as m0004 from './0004_case_facet_counts'
import * as m0005 from './0005_dashboard_indexes'
import * as m0006 from './0006_case_list_sort_indexes'
import * as m0007 from './0007_dashboard_summary'
import * as m0008 from './0008_case_person_fields'
import * as m0009 from './0009_case_imports'
import * as m0010 from './0010_action_day_counts'
import * as m0011 from './0011_case_sponsors'
import * as m0012 from './0012_follows'
import * as m0013 from './0013_case_facet_pair_counts'
import * as m0014 from './0014_follow_news'

export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_sign_in_security': m0002,
  '0003_activity_indexes': m0003,
  '0004_case_facet_counts': m0004,
  '0005_dashboard_indexes': m0005,
  '0006_case_list_sort_indexes': m0006,
  '0007_dashboard_summary': m0007,
  '0008_case_person_fields': m0008,
  '0009_case_imports': m0009,
  '0010_action_day_counts': m0010,
  '0011_case_sponsors': m0011,
  '0012_follows': m0012,
  '0013_case_facet_pair_counts': m0013,
  '0014_follow_news': m0014,
}
