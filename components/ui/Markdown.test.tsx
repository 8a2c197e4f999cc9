// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown, parseBlocks } from './Markdown';

afterEach(cleanup);

describe('parseBlocks', () => {
  it('splits paragraphs and lists', () => {
    expect(parseBlocks('One\nline two\n\n- a\n- b\n  more b\n1. x\n2) y\n# Head')).toEqual([
      { kind: 'p', text: 'One line two' },
      { kind: 'ul', items: ['a', 'b more b'] },
      { kind: 'ol', items: ['x', 'y'] },
      { kind: 'h', text: 'Head' },
    ]);
  });
});

describe('Markdown', () => {
  it('renders bold, emphasis, code and links as text', () => {
    const { container } = render(
      <Markdown
        source={
          '**SEV1** pages *now*. Use `#incident-123`. See [runbook](https://wiki.example/rb).'
        }
      />,
    );
    expect(container.querySelector('strong')!.textContent).toBe('SEV1');
    expect(container.querySelector('em')!.textContent).toBe('now');
    expect(container.querySelector('code')!.textContent).toBe('#incident-123');
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe(
      'SEV1 pages now. Use #incident-123. See runbook (https://wiki.example/rb).',
    );
  });

  it('never turns markup in the source into elements', () => {
    const source = 'Hi <img src=x onerror="alert(1)"> **<b>x</b>**\n\n- <script>alert(2)</script>';
    const { container } = render(<Markdown source={source} />);
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(container.querySelector('strong')!.textContent).toBe('<b>x</b>');
  });

  it('renders nothing for empty guidance', () => {
    const { container } = render(<Markdown source={'  \n\n'} />);
    expect(container.innerHTML).toBe('');
  });
});
