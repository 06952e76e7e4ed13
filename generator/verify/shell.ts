// Shell words of cURL and CLI snippets: quotes, backslash-newline continuations and here-documents.

export interface ShellWord {
  /** The word with quotes removed, as the shell passes it. */
  value: string;
  /** The word as written (quotes kept): CLI values print JSON bare, which the shell would unquote. */
  raw: string;
}

/** Words of one command; a here-document (`<<EOF` … `EOF`) becomes one word holding its body. */
export function splitShellWords(text: string): ShellWord[] {
  const words: ShellWord[] = [];
  let i = 0;
  const pendingHeredocs: { delimiter: string; word: ShellWord }[] = [];
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "\\" && text[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (c === "\n" && pendingHeredocs.length > 0) {
      i = readHeredocs(text, i + 1, pendingHeredocs);
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "#") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
      continue;
    }
    const heredoc = /^<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(text.slice(i));
    if (heredoc) {
      const word = { value: "", raw: heredoc[0] };
      words.push(word);
      pendingHeredocs.push({ delimiter: heredoc[2] as string, word });
      i += heredoc[0].length;
      continue;
    }
    const [word, end] = readWord(text, i);
    words.push(word);
    i = end;
  }
  return words;
}

function readWord(text: string, start: number): [ShellWord, number] {
  let value = "";
  let i = start;
  while (i < text.length && !/\s/.test(text[i] as string)) {
    const c = text[i] as string;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new SyntaxError(`unterminated ' at ${i}`);
      value += text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === "\\" && /[$`"\\\n]/.test(text[j + 1] ?? "")) j++;
        value += text[j];
      }
      if (j >= text.length) throw new SyntaxError(`unterminated " at ${i}`);
      i = j + 1;
    } else if (c === "\\") {
      value += text[i + 1] ?? "";
      i += 2;
    } else {
      value += c;
      i++;
    }
  }
  return [{ value, raw: text.slice(start, i) }, i];
}

function readHeredocs(text: string, start: number, pending: { delimiter: string; word: ShellWord }[]): number {
  let i = start;
  for (const { delimiter, word } of pending.splice(0)) {
    const lines: string[] = [];
    while (i < text.length) {
      const end = text.indexOf("\n", i);
      const line = text.slice(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 1;
      if (line === delimiter) break;
      lines.push(line);
    }
    word.value = lines.join("\n");
  }
  return i;
}

/** What a curl command sends. */
export interface CurlCall {
  method: string;
  url: string;
  headers: string[];
  /** The request body as written (JSON text), or null. */
  body: string | null;
}

const BODY_FLAGS = new Set(["-d", "--data", "--data-raw", "--data-binary", "--json"]);

export function parseCurl(text: string): CurlCall {
  const words = splitShellWords(text);
  if (words[0]?.value !== "curl") throw new SyntaxError("not a curl command");
  const call: CurlCall = { method: "", url: "", headers: [], body: null };
  for (let i = 1; i < words.length; i++) {
    const w = (words[i] as ShellWord).value;
    const next = () => (words[++i] as ShellWord | undefined)?.value ?? "";
    if (w === "-X" || w === "--request") call.method = next().toUpperCase();
    else if (w === "-H" || w === "--header") call.headers.push(next());
    else if (BODY_FLAGS.has(w)) {
      const value = next();
      call.body = value === "@-" ? (words[++i]?.value ?? "") : value;
    } else if (!w.startsWith("-") && call.url === "") call.url = w;
  }
  if (call.method === "") call.method = call.body === null ? "GET" : "POST";
  return call;
}
