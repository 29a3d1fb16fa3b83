// What the server hands every loader and action besides the request (Remix's load context). Declared
// by merging into AppLoadContext, which Remix leaves empty for apps to fill: tsc picks this file up
// through tsconfig's `include`, so nothing imports it.
export {}

declare module '@remix-run/node' {
  interface AppLoadContext {
    /**
     * The client's network address as the server saw it (behind a proxy, the one the proxy
     * reported). Absent when the server does not pass it, e.g. in tests.
     */
    clientAddress?: string
  }
}
