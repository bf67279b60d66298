import { describe, expect, it } from "vitest";
import { endpointKey, normalizeEndpointName } from "./normalize-endpoint";

describe("normalizeEndpointName", () => {
  it.each([
    ["/tasks/123", "/tasks/{id}"],
    ["/tasks/{id}", "/tasks/{id}"],
    ["/tasks/{taskId}", "/tasks/{id}"],
    ["/tasks/[id]", "/tasks/{id}"],
    ["/tasks/:id/comments/7", "/tasks/{id}/comments/{id}"],
    ["/tasks/<id>", "/tasks/{id}"],
    ["https://api.example.com/tasks/${}", "/tasks/{id}"],
    ["https://api.example.com/tasks/42?expand=owner#top", "/tasks/{id}"],
    ["http://localhost:8080", "/"],
    ["/users/3f2504e0-4f89-11d3-9a0c-0305e82c3301/orders", "/users/{id}/orders"],
    ["/orders/507f1f77bcf86cd799439011", "/orders/{id}"],
    ["/search?q=shoes&page=2", "/search"],
    ["//api//products/", "/api/products"],
    ["/api/v2/products", "/api/v2/products"],
    ["/deadbeef", "/deadbeef"], // 8 hex letters but no digit: a word, not an id
    ["/files/report%20final", "/files/report%20final"],
    ["UC02_03_Get_product", "UC02_03_Get_product"],
    ["  Login   page ", "Login page"],
  ])("%s → %s", (name, expected) => {
    expect(normalizeEndpointName(name)).toBe(expected);
  });
});

describe("endpointKey", () => {
  it("matches Locust's [id] name, a k6 URL and a raw id of the same endpoint, by method", () => {
    const locust = endpointKey("GET", "/api/products/[id]");
    expect(endpointKey("get", "https://shop.test/api/products/42")).toBe(locust);
    expect(endpointKey("GET", "/api/products/{productId}?lang=en")).toBe(locust);
    expect(endpointKey("POST", "/api/products/42")).not.toBe(locust);
    expect(endpointKey(null, "/api/products/42")).toBe(" /api/products/{id}");
  });
});
