import { describe, expect, it } from 'vitest';
import { fixNaiveAria } from './naive-aria';

describe('fixNaiveAria', () => {
  it('gives card titles a heading level by nesting, drops the wrapper heading, makes scrolling table headers focusable', () => {
    document.body.innerHTML = `
      <div class="n-card" id="outer"><div class="n-card-header" role="heading"><div class="n-card-header__main" role="heading">Luar</div><button>x</button></div>
        <div class="n-card" id="inner"><div class="n-card-header" role="heading"><div class="n-card-header__main" role="heading">Dalam</div></div></div>
      </div>
      <div class="n-data-table-base-table-header"></div>
      <div class="n-input-number"><input /><div class="n-input__suffix"><button>-</button><button>+</button></div></div>`;
    fixNaiveAria(document);
    expect(document.querySelectorAll('.n-card-header[role]')).toHaveLength(0);
    expect(document.querySelector('#outer .n-card-header__main')!.getAttribute('aria-level')).toBe('2');
    expect(document.querySelector('#inner .n-card-header__main')!.getAttribute('aria-level')).toBe('3');
    expect(document.querySelector('.n-data-table-base-table-header')!.getAttribute('tabindex')).toBe('0');
    for (const b of document.querySelectorAll('.n-input-number button'))
      expect([b.getAttribute('aria-hidden'), b.getAttribute('tabindex')]).toEqual(['true', '-1']);
  });
});
