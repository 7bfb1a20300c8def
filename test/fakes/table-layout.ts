/**
 * jsdom has no layout: gives Review's virtualised table scroller a size (1200 × 520) so its rows
 * render. Call in `beforeAll`.
 */
export function sizeTableScroller() {
  const sized = (size: number) =>
    function (this: HTMLElement) {
      return this.classList.contains('review-table__scroll') ? size : 0;
    };
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: sized(520) });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: sized(1200) });
}
