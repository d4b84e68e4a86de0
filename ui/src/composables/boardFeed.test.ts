// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp, defineComponent, watch, type App } from "vue";
import { useBoardFeed } from "./boardFeed";

const read = vi.fn<() => Promise<{ cards: string[] }>>();
let feed: ReturnType<typeof useBoardFeed<{ cards: string[] }>>;
let redraws = 0;
let app: App;

beforeEach(() => {
  vi.useFakeTimers();
  read.mockReset();
  redraws = 0;
});

afterEach(() => {
  app.unmount();
  vi.useRealTimers();
});

/** Shows a board reading through `read` (set up first) and lets the first read finish. */
async function start() {
  app = createApp(
    defineComponent({
      setup() {
        feed = useBoardFeed(read, 1);
        watch(feed.data, () => redraws++);
        return () => null;
      },
    }),
  );
  app.mount(document.createElement("div"));
  await tick(0);
}

/** Lets the next read start and finish. */
async function tick(ms = 1000) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe("useBoardFeed", () => {
  it("reads at once and then every interval", async () => {
    read.mockResolvedValue({ cards: ["京A·12345"] });
    await start();
    expect(feed.data.value).toEqual({ cards: ["京A·12345"] });
    await tick(3000);
    expect(read).toHaveBeenCalledTimes(4);
  });

  it("leaves the board alone when nothing changed, and shows a change at the next read", async () => {
    read.mockResolvedValue({ cards: ["京A·12345"] });
    await start();
    await tick(2000);
    expect(redraws).toBe(1);
    read.mockResolvedValue({ cards: ["京A·12345", "京B·00001"] });
    await tick();
    expect(feed.data.value?.cards).toHaveLength(2);
    expect(redraws).toBe(2);
  });

  it("keeps what is shown when a read fails, says since when, and recovers", async () => {
    read.mockResolvedValue({ cards: ["京A·12345"] });
    await start();
    const good = Date.now();
    read.mockRejectedValue(new Error("database is locked"));
    await tick();
    expect(feed.data.value).toEqual({ cards: ["京A·12345"] });
    expect(feed.staleSince.value?.getTime()).toBe(good);
    read.mockResolvedValue({ cards: [] });
    await tick();
    expect(feed.staleSince.value).toBeNull();
    expect(feed.data.value).toEqual({ cards: [] });
  });

  it("says nothing about age before the first good read", async () => {
    read.mockRejectedValue(new Error("not yet"));
    await start();
    expect(feed.data.value).toBeNull();
    expect(feed.staleSince.value).toBeNull();
  });
});
