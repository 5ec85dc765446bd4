// The `pgpass` package (node-postgres's ~/.pgpass reader) ships no types.
declare module 'pgpass' {
  function pgpass(connInfo: { host?: string; port?: string; user?: string; database?: string }, cb: (password: string | undefined) => void): void;
  export default pgpass;
}
