// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { GUARDED_EVENTS, acceptTrustedEventsOnly } from './trusted-events';

describe('acceptTrustedEventsOnly', () => {
  it.each(GUARDED_EVENTS)('a script-made %s never reaches a handler inside the root', (type) => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const container = shadow.appendChild(document.createElement('div'));
    const button = container.appendChild(document.createElement('button'));
    const heard: string[] = [];
    // Where React listens: the root container, both phases.
    container.addEventListener(type, () => heard.push('container-capture'), true);
    container.addEventListener(type, () => heard.push('container'));
    button.addEventListener(type, () => heard.push('button'));

    button.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    const unguarded = heard.length;
    expect(unguarded).toBeGreaterThan(0);

    heard.length = 0;
    const remove = acceptTrustedEventsOnly(shadow);
    button.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    expect(heard).toEqual([]);
    remove();
    button.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    expect(heard.length).toBe(unguarded);
    host.remove();
  });

  it('covers button.click(), the call a page script would make', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const button = shadow.appendChild(document.createElement('button'));
    let clicks = 0;
    button.addEventListener('click', () => clicks++);
    acceptTrustedEventsOnly(shadow);
    button.click();
    expect(clicks).toBe(0);
  });

  it('puts back a radio that a non-cancelable script-made click toggled', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const [first, second] = ['a', 'b'].map((value) => {
      const radio = shadow.appendChild(document.createElement('input'));
      radio.type = 'radio';
      radio.name = 'severity';
      radio.value = value;
      // What the view rendered; the guard puts toggles back to it.
      radio.dataset['checked'] = String(value === 'a');
      return radio;
    });
    first!.checked = true;
    acceptTrustedEventsOnly(shadow);
    // preventDefault cannot undo what a non-cancelable click activates.
    second!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await Promise.resolve();
    expect([first!.checked, second!.checked]).toEqual([true, false]);
    host.remove();
  });
});
