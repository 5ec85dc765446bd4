/**
 * The runtime's UTF-8 codecs, made once. TextEncoder and TextDecoder are in every runtime the engine
 * runs in (Node, browsers, workers); declared here because the core is compiled without Node's or the
 * DOM's types.
 */
declare const TextEncoder: new () => { encode(text: string): Uint8Array; encodeInto(text: string, into: Uint8Array): { read: number; written: number } };
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

type Encoder = InstanceType<typeof TextEncoder>;
type Decoder = InstanceType<typeof TextDecoder>;
let encoder: Encoder | undefined;
let decoder: Decoder | undefined;

export const utf8Encoder = (): Encoder => (encoder ??= new TextEncoder());
export const utf8Decoder = (): Decoder => (decoder ??= new TextDecoder());
