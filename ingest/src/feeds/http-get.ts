import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FeedError } from '@ssc-monitor/core';
import { checkLiteralHost, guardedLookup } from './network-guard.js';

export interface HttpGetOptions {
  /** Longest time for the whole exchange (redirects and body included), ms. */
  readonly timeoutMs: number;
  /** Largest body accepted after decompression, bytes. */
  readonly maxBytes: number;
  readonly allowPrivateNetworks: boolean;
  readonly userAgent: string;
  readonly accept: string;
}

const MAX_REDIRECTS = 5;
/** Bytes of an error answer kept for the message: portals explain refusals in the body. */
const ERROR_EXCERPT_BYTES = 300;

/**
 * GETs a URL as text over node:http(s), not fetch, because only there can every connection's DNS
 * answer be checked (see guardedLookup) and redirects be followed one checked hop at a time.
 * Throws FeedError: TIMEOUT, NETWORK, PRIVATE_ADDRESS, HTTP_STATUS (retryable for 5xx, 408 and
 * 429), TOO_LARGE, REDIRECTS.
 */
export async function httpGetText(url: string, options: HttpGetOptions): Promise<string> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await send(current, options, signal);
    const location = response.headers.location;
    if (
      response.statusCode !== undefined &&
      response.statusCode >= 300 &&
      response.statusCode < 400 &&
      location
    ) {
      response.resume();
      current = new URL(location, current);
      continue;
    }
    return readText(response, current, options, signal);
  }
  throw new FeedError('FEED_ERR_REDIRECTS', `more than ${MAX_REDIRECTS} redirects from ${url}`);
}

function send(url: URL, options: HttpGetOptions, signal: AbortSignal): Promise<IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FeedError(
      'FEED_ERR_REDIRECTS',
      `redirected to ${url.protocol} URL; only http and https are followed`,
    );
  checkLiteralHost(url.hostname, options.allowPrivateNetworks);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      signal,
      lookup: guardedLookup(options.allowPrivateNetworks),
      headers: {
        'user-agent': options.userAgent,
        accept: options.accept,
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    req.once('response', resolve);
    req.once('error', (error) => reject(asFeedError(error, url, signal, options.timeoutMs)));
    req.end();
  });
}

function asFeedError(error: unknown, url: URL, signal: AbortSignal, timeoutMs: number): FeedError {
  if (error instanceof FeedError) return error;
  if (signal.aborted)
    return new FeedError('FEED_ERR_TIMEOUT', `no complete answer from ${url.host} within ${timeoutMs} ms`);
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  return new FeedError(
    'FEED_ERR_NETWORK',
    `${url.host}: ${typeof code === 'string' ? `${code} ` : ''}${detail}`,
    {
      cause: error,
    },
  );
}

function decoded(response: IncomingMessage): Readable {
  switch (response.headers['content-encoding']?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    default:
      return response;
  }
}

function textDecoderFor(contentType: string | undefined): TextDecoder {
  const charset = /charset="?([\w-]+)"?/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

async function readText(
  response: IncomingMessage,
  url: URL,
  options: HttpGetOptions,
  signal: AbortSignal,
): Promise<string> {
  const status = response.statusCode ?? 0;
  const ok = status >= 200 && status < 300;
  const limit = ok ? options.maxBytes : ERROR_EXCERPT_BYTES;
  const declared = Number(response.headers['content-length']);
  if (ok && Number.isFinite(declared) && declared > limit) {
    response.destroy();
    throw new FeedError(
      'FEED_ERR_TOO_LARGE',
      `the answer declares ${declared} bytes, over the ${limit}-byte limit`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of decoded(response)) {
      const buffer = chunk as Buffer;
      chunks.push(buffer);
      size += buffer.byteLength;
      if (size > limit) break;
    }
  } catch (error) {
    throw asFeedError(error, url, signal, options.timeoutMs);
  } finally {
    response.destroy();
  }
  const text = textDecoderFor(response.headers['content-type']).decode(
    Buffer.concat(chunks).subarray(0, limit),
  );
  if (!ok) {
    const excerpt = text.replace(/\s+/g, ' ').trim();
    const retryable = status >= 500 || status === 408 || status === 429;
    throw new FeedError('FEED_ERR_HTTP_STATUS', `HTTP ${status}${excerpt ? `: ${excerpt}` : ''}`, {
      retryable,
    });
  }
  if (size > limit) throw new FeedError('FEED_ERR_TOO_LARGE', `the answer is over the ${limit}-byte limit`);
  return text;
}
