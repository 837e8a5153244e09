import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Snippet } from './Snippet';

describe('search snippet', () => {
  it('turns only <mark> into markup and keeps everything else as text', () => {
    const { container } = render(
      <Snippet
        html={'Vor &lt;b&gt;fett&lt;/b&gt; <mark>Anerkennung</mark> und <script>alert(1)</script> &amp; <img src=x onerror=alert(1)>'}
      />,
    );
    const marks = container.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]).toHaveTextContent('Anerkennung');
    expect(container.querySelector('script, img, b')).toBeNull();
    expect(container).toHaveTextContent('Vor <b>fett</b> Anerkennung und <script>alert(1)</script> & <img src=x onerror=alert(1)>');
  });
});
