// typescript-eslint needs TypeScript's classic JS API (typescript <6.1); the
// root `typescript` is 7.x, the Go compiler, whose package exports no such API.
// As a dependency of this local package, typescript-eslint resolves its peer to
// the TypeScript 6.0 installed beside it here, without touching the root one.
export { default } from 'typescript-eslint';
