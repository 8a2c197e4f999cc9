import { describe, expect, it } from 'vitest';
import { originPatternFor } from '../messaging/settings';
import { isLoopbackEndpoint, originPattern, pagerDutyAccessRefused } from './pagerduty-access';
import { DEFAULT_PAGERDUTY_ENDPOINT } from './schema';

describe('originPattern', () => {
  it('derives the Events API origin from the configured endpoint', () => {
    expect(originPattern(DEFAULT_PAGERDUTY_ENDPOINT)).toBe('https://events.pagerduty.com/*');
    expect(originPattern(' https://events.eu.pagerduty.com/v2/enqueue ')).toBe(
      'https://events.eu.pagerduty.com/*',
    );
    // Match patterns carry no port: the host is what the browser grants.
    expect(originPattern('https://pd-proxy.acme.com:8443/enqueue?x=1')).toBe(
      'https://pd-proxy.acme.com/*',
    );
  });

  it('is the pattern the background checks before paging', () => {
    const url = new URL(DEFAULT_PAGERDUTY_ENDPOINT);
    expect(originPattern(DEFAULT_PAGERDUTY_ENDPOINT)).toBe(originPatternFor(url.hostname));
  });

  it('asks nothing for a loopback stub, where nothing leaves the machine', () => {
    for (const endpoint of [
      'http://127.0.0.1:8080/v2/enqueue',
      'https://127.0.0.1/v2/enqueue',
      'http://localhost:9000/enqueue',
      'http://[::1]:8080/enqueue',
    ]) {
      expect(isLoopbackEndpoint(endpoint)).toBe(true);
      expect(originPattern(endpoint)).toBeUndefined();
    }
    expect(isLoopbackEndpoint(DEFAULT_PAGERDUTY_ENDPOINT)).toBe(false);
  });

  it('gives no pattern for an endpoint the settings refuse', () => {
    expect(originPattern('http://events.pagerduty.com/v2/enqueue')).toBeUndefined();
    expect(originPattern('events.pagerduty.com')).toBeUndefined();
    expect(originPattern('')).toBeUndefined();
  });
});

describe('pagerDutyAccessRefused', () => {
  it('names the origin and quotes what paging will report', () => {
    expect(pagerDutyAccessRefused(DEFAULT_PAGERDUTY_ENDPOINT)).toBe(
      'Access to https://events.pagerduty.com/* was not granted, so paging will stop with “Casebook may not reach events.pagerduty.com yet”. Save the routing key again and allow access.',
    );
  });
});
