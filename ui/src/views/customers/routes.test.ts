import { describe, expect, it } from "vitest";
import { customerFileRoute, customersRoute } from "./routes";

describe("customerFileRoute", () => {
  it("opens the file by id", () => {
    expect(customerFileRoute(7)).toEqual({ name: "customer-file", params: { id: "7" }, query: {} });
  });

  it("carries the search or the lists it was opened from, nothing else", () => {
    expect(customerFileRoute(7, { q: "wjg", page: "2" })).toMatchObject({ query: { q: "wjg" } });
    expect(customerFileRoute(7, { view: "lists" })).toMatchObject({ query: { view: "lists" } });
  });
});

describe("customersRoute", () => {
  it("goes back to the same search", () => {
    expect(customersRoute({ q: "京A123" })).toEqual({ name: "customers", query: { q: "京A123" } });
  });

  it("goes back to the plain search when the file was opened directly", () => {
    expect(customersRoute({})).toEqual({ name: "customers", query: {} });
  });
});
