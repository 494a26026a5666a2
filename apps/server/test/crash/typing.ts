import { randomUUID } from "node:crypto";
import { addAgreement, agreementsOf, notesOf, summaryOf } from "@driehoek/collab";
import * as Y from "yjs";

/** What people type in a BPV conversation; keystrokes walk through it, character by character. */
const PHRASES = [
  "Ik werk nu zelfstandig aan de klantvragen en vraag hulp als ik vastloop. ",
  "De praktijkopleider ziet dat de planning beter gaat dan in het begin. ",
  "Volgende keer wil ik zelf het overleg met de klant voorbereiden. ",
  "Werkproces B1-K1-W2 is bijna aangetoond; het bewijs staat in het portfolio. ",
  "Afspraak: elke vrijdag een korte terugblik met Jeroen over de week. ",
  "Presenteren vind ik nog spannend, maar het ging vorige week goed. ",
  "Op tijd komen en afmelden gaat goed; de uren kloppen met de POK. ",
  "Ik oefen met het schrijven van testplannen voor de nieuwe module. ",
];

/** One keystroke as typed: which Yjs client, its clocks, and the character (for plain typing). */
export interface Keystroke {
  client: number;
  /** The first clock of the keystroke's items. */
  clock: number;
  /** How many clocks it took (1 for a character; more for a new paragraph or agreement; 0 for a backspace). */
  length: number;
  /** The character inserted, for a plain character. */
  char: string | null;
}

type TextLike = Y.Text | Y.XmlText;

/** A person at a keyboard: where the cursor is and where they are in what they are typing. */
export class Typist {
  private target: TextLike | null = null;
  private index = 0;
  private phrase: number;
  private offset = 0;

  /**
   * `backspaces`: the share of keystrokes that delete the character before the cursor (off by
   * default: the crash test checks every typed character is still there).
   */
  constructor(
    private readonly doc: Y.Doc,
    private readonly random: () => number,
    private readonly backspaces = 0,
  ) {
    this.phrase = Math.floor(random() * PHRASES.length);
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items.length ? items[Math.floor(this.random() * items.length)] : undefined;
  }

  private nextChar(): string {
    const phrase = PHRASES[this.phrase] as string;
    const char = phrase[this.offset] as string;
    this.offset += 1;
    if (this.offset >= phrase.length) {
      this.offset = 0;
      this.phrase = Math.floor(this.random() * PHRASES.length);
    }
    return char;
  }

  /** Every text a person can type into right now. */
  private texts(): TextLike[] {
    const texts: TextLike[] = [];
    for (const paragraph of summaryOf(this.doc).toArray()) {
      if (!(paragraph instanceof Y.XmlElement)) continue;
      const text = paragraph.get(0);
      if (text instanceof Y.XmlText) texts.push(text);
    }
    for (const notes of notesOf(this.doc).values()) if (notes instanceof Y.Text) texts.push(notes);
    for (const agreement of agreementsOf(this.doc).toArray()) {
      if (!(agreement instanceof Y.Map)) continue;
      for (const key of ["text", "measure", "firstStep"]) {
        const text = agreement.get(key);
        if (text instanceof Y.Text) texts.push(text);
      }
    }
    return texts;
  }

  /**
   * Types one keystroke, as one transaction (so one update): mostly the next character at the
   * cursor; now and then the cursor moves elsewhere, a paragraph is added to the summary or a
   * new agreement is started.
   */
  keystroke(): Keystroke {
    const doc = this.doc;
    const before = Y.getState(doc.store, doc.clientID);
    let char: string | null = null;
    const roll = this.random();
    if (this.target && this.index > 0 && this.random() < this.backspaces) {
      this.index = Math.min(this.index, this.target.length);
      if (this.index > 0) {
        this.target.delete(this.index - 1, 1);
        this.index -= 1;
      }
    } else if (this.target && roll < 0.93) {
      char = this.nextChar();
      this.index = Math.min(this.index, this.target.length);
      this.target.insert(this.index, char);
      this.index += 1;
    } else if (roll < 0.955 && summaryOf(doc).length < 40) {
      // Enter in the summary: a new paragraph, as Tiptap's Collaboration extension shapes it.
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      doc.transact(() => {
        paragraph.insert(0, [text]);
        const summary = summaryOf(doc);
        summary.insert(Math.floor(this.random() * (summary.length + 1)), [paragraph]);
      });
      this.target = text;
      this.index = 0;
    } else if (roll < 0.965 && agreementsOf(doc).length < 10) {
      const agreement = addAgreement(doc, {
        id: randomUUID(),
        owner: this.pick(["student", "praktijkopleider", "bpv_begeleider"] as const) ?? null,
      });
      this.target = agreement.get("text") as Y.Text;
      this.index = 0;
    } else {
      const target = this.pick(this.texts());
      if (!target) throw new Error("The document has nothing to type into (is it seeded?)");
      this.target = target;
      this.index = Math.floor(this.random() * (target.length + 1));
      char = this.nextChar();
      target.insert(this.index, char);
      this.index += 1;
    }
    const after = Y.getState(doc.store, doc.clientID);
    return { client: doc.clientID, clock: before, length: after - before, char };
  }
}

/**
 * Whether the keystroke is in `doc`: its items are integrated and, for a character, the item
 * at its clock holds that very character.
 */
export function holdsKeystroke(doc: Y.Doc, keystroke: Keystroke): boolean {
  const end = keystroke.clock + keystroke.length;
  if (Y.getState(doc.store, keystroke.client) < end) return false;
  if (keystroke.char === null) return true;
  const struct = Y.getItem(doc.store, Y.createID(keystroke.client, keystroke.clock));
  if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return false;
  return struct.content.str[keystroke.clock - struct.id.clock] === keystroke.char;
}

/** Everything people see in the document, to compare two copies of it. */
export function visibleContent(doc: Y.Doc): string {
  return JSON.stringify({
    summary: summaryOf(doc).toString(),
    // By key: a map's order of keys follows the order its entries arrived, which may differ.
    notes: Object.fromEntries(
      [...notesOf(doc).entries()]
        .map(([k, v]) => [k, String(v)] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
    agreements: agreementsOf(doc)
      .toArray()
      .map((a) => (a instanceof Y.Map ? a.toJSON() : null)),
  });
}
