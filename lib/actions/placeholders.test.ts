import { describe, expect, it } from 'vitest';
import { fillGaps, placeholderPrompt, placeholdersIn } from './placeholders';

describe('placeholders in a drafted text', () => {
  it('lists each placeholder once, in order', () => {
    expect(placeholdersIn('Hi {{customer.name}}, {{eta}} and {{ eta }} — {{agent.name}}')).toEqual([
      'customer.name',
      'eta',
      'agent.name',
    ]);
    expect(placeholdersIn('nothing here {single}')).toEqual([]);
  });

  it('fills what the agent typed and reports what is still blank', () => {
    const r = fillGaps('ETA {{eta}}. {{update}} — {{agent.name}}', {
      eta: ' 14:00 Lisbon ',
      update: '   ',
    });
    expect(r.text).toBe('ETA 14:00 Lisbon. {{update}} — {{agent.name}}');
    expect(r.missing).toEqual(['update', 'agent.name']);
  });

  it('names each gap in words', () => {
    expect(placeholderPrompt('agent.name')).toBe('Your name (signature)');
    expect(placeholderPrompt('fix-shipped.release-tag')).toBe('Release tag (fix shipped)');
    expect(placeholderPrompt('rootCauseDetail')).toBe('Root cause detail');
    expect(placeholderPrompt('someOtherThing')).toBe('Some other thing');
  });
});
