// The greeter world (wit/world.wit) in JavaScript; build.mjs makes it a component with componentize-js.
export function greet(name) {
  console.log(`greeting ${name}`);
  return `Hello, ${name}!`;
}

export function add(a, b) {
  return { x: a.x + b.x, y: a.y + b.y };
}

export function parse(text) {
  const n = Number.parseInt(text, 10);
  if (Number.isNaN(n)) {
    throw `not a number: ${text}`; // a thrown value is the result's error
  }
  return n;
}

export function words(text) {
  return text.split(/\s+/).filter((word) => word.length > 0).map((word) => [word, word.length]);
}

export function moodOf(text) {
  if (text.length === 0) {
    return undefined;
  }
  return text.endsWith("!") ? "cheerful" : "calm";
}
