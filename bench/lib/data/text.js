/**
 * German-like text for generated posts: sentences of function words and content words, the content
 * words drawn from a Zipf distribution over a vocabulary of ~120,000 words (domain nouns, verbs and
 * compounds), so full-text search has rare, medium and common terms. Plain paragraphs only: their
 * HTML is what the product's Markdown renderer makes of them (checked against it by the generator).
 */
import { AliasTable, Random, zipfWeights } from './random.js';
import { FUNCTION_WORDS, HEADS, NOUNS, PLAIN_WORDS, SHORT_WORDS, TAILS } from './words.js';

/**
 * Zipf–Mandelbrot distribution of content words, weight 1/(rank + OFFSET)^EXPONENT: the offset keeps
 * the most common words at roughly a third of all posts, the exponent gives a tail of words that
 * occur only a few dozen times in a million posts.
 */
const ZIPF_EXPONENT = 1.35;
const ZIPF_OFFSET = 30;
const THREE_PART_COMPOUNDS = 100_000;
/** Share of tokens that are function words. */
const FUNCTION_SHARE = 0.5;

export class TextGenerator {
  /** @param {number} seed */
  constructor(seed) {
    const order = new Random(seed, 'vocabulary');
    // short everyday words are the frequent ones, two-part compounds the middle, three-part ones the tail
    const short = [...new Set(SHORT_WORDS)];
    const base = [...new Set([...NOUNS, ...PLAIN_WORDS])];
    const twoPart = [];
    for (const head of HEADS) for (const tail of TAILS) twoPart.push(head + tail);
    const threePart = [];
    for (let i = 0; i < THREE_PART_COMPOUNDS; i++) {
      const middle = order.pick(HEADS);
      threePart.push(order.pick(HEADS) + middle[0].toLowerCase() + middle.slice(1) + order.pick(TAILS));
    }
    const seen = new Set();
    /** Content words, most frequent first. @type {string[]} */
    this.vocabulary = [];
    for (const group of [short, base, twoPart, threePart]) {
      for (const word of order.shuffle(group)) {
        if (seen.has(word)) continue;
        seen.add(word);
        this.vocabulary.push(word);
      }
    }
    this.contentTable = new AliasTable(zipfWeights(this.vocabulary.length, ZIPF_EXPONENT, ZIPF_OFFSET));
    this.functionTable = new AliasTable(zipfWeights(FUNCTION_WORDS.length, 1));
    /** Number of posts each content word occurs in (for choosing search terms). */
    this.documentFrequency = new Uint32Array(this.vocabulary.length);
    this.lastDocument = new Int32Array(this.vocabulary.length).fill(-1);
    this.documentNo = 0;
    this.counting = false;
  }

  /** @param {Random} random */
  word(random) {
    if (random.next() < FUNCTION_SHARE) return FUNCTION_WORDS[this.functionTable.draw(random)];
    const index = this.contentTable.draw(random);
    if (this.counting && this.lastDocument[index] !== this.documentNo) {
      this.lastDocument[index] = this.documentNo;
      this.documentFrequency[index]++;
    }
    return this.vocabulary[index];
  }

  /**
   * Plain paragraphs of `minWords`–`maxWords` words, separated by blank lines.
   * @param {Random} random
   * @param {number} minWords
   * @param {number} maxWords
   * @param {boolean} [count] count the words' document frequency (posts)
   * @returns {string[]} the paragraphs
   */
  paragraphs(random, minWords, maxWords, count = true) {
    this.counting = count;
    if (count) this.documentNo++;
    const total = random.range(minWords, maxWords);
    const paragraphCount = Math.min(4, 1 + Math.floor(total / random.range(35, 70)));
    const perParagraph = Math.ceil(total / paragraphCount);
    const result = [];
    let written = 0;
    for (let p = 0; p < paragraphCount && written < total; p++) {
      let text = '';
      const target = Math.min(perParagraph, total - written);
      let inParagraph = 0;
      while (inParagraph < target) {
        const length = Math.min(random.range(5, 14), target - inParagraph);
        let sentence = this.word(random);
        sentence = sentence[0].toUpperCase() + sentence.slice(1);
        for (let i = 1; i < length; i++) {
          sentence += (random.next() < 0.05 ? ', ' : ' ') + this.word(random);
        }
        sentence += random.next() < 0.1 ? '?' : '.';
        text += inParagraph === 0 ? sentence : ` ${sentence}`;
        inParagraph += length;
      }
      written += inParagraph;
      result.push(text);
    }
    this.counting = false;
    return result;
  }

  /** A thread title (no final full stop). @param {Random} random */
  title(random) {
    const length = random.range(4, 9);
    let title = '';
    for (let i = 0; i < length; i++) {
      let w = random.next() < 0.3 ? FUNCTION_WORDS[this.functionTable.draw(random)] : this.vocabulary[this.contentTable.draw(random)];
      if (i === 0) w = w[0].toUpperCase() + w.slice(1);
      title += i === 0 ? w : ` ${w}`;
    }
    return title.slice(0, 200);
  }
}

/** The Markdown source of plain paragraphs. @param {string[]} paragraphs */
export const markdownOf = (paragraphs) => paragraphs.join('\n\n');

/**
 * What markdown-it + sanitize-html (modules/forum/markdown.renderer.ts) make of plain paragraphs
 * of letters and punctuation: one <p> per paragraph, each followed by a newline.
 * @param {string[]} paragraphs
 */
export const htmlOf = (paragraphs) => {
  let html = '';
  for (const p of paragraphs) html += `<p>${p}</p>\n`;
  return html;
};
