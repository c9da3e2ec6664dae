import { type ReviewInput, renderReviewPage } from '../review/index.ts';
import type { Emitter } from './types.ts';

/**
 * `--format html`: the review page. Its highlights are offsets into the text as read, so each
 * document crosses with that text; the page is laid out once every document is in (the unit
 * filter and the styles cover the whole batch), and the batch is one page.
 */
export function createHtmlEmitter(): Emitter<ReviewInput> {
  return {
    *render(doc, text) {
      if (text === undefined) throw new Error('the review page needs the text the document was extracted from');
      yield { doc, text };
    },
    start() {
      const inputs: ReviewInput[] = [];
      return {
        begin: () => [],
        async *document(parts) {
          for await (const input of parts) inputs.push(input);
          // Nothing of the page can be written before the last document is in.
          yield '';
        },
        end: () => [renderReviewPage(inputs)],
      };
    },
  };
}
