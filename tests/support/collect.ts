import type { TextEvent } from "@/providers/types";

/** Drains a text stream: the deltas in order, and the final event. */
export async function collect(stream: AsyncIterable<TextEvent>) {
  const deltas: string[] = [];
  let done: Extract<TextEvent, { type: "done" }> | undefined;
  for await (const event of stream) {
    if (event.type === "delta") deltas.push(event.text);
    else done = event;
  }
  return { deltas, done };
}

/** The error a promise (or a stream) ends with. */
export async function failure(work: Promise<unknown> | AsyncIterable<unknown>): Promise<any> {
  try {
    if (Symbol.asyncIterator in (work as object)) {
      for await (const _ of work as AsyncIterable<unknown>) {
        // drain
      }
    } else await work;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}
