/**
 * jsdom lays nothing out: for the tests of the calling file, every element reports the
 * size a browser would give a chart's container, so recharts draws.
 */
export function layOutLikeABrowser(width = 600, height = 260): void {
  beforeEach(() => {
    jest.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: width,
      bottom: height,
      width,
      height,
    } as DOMRect);
  });
  afterEach(() => jest.restoreAllMocks());
}
