// The `format` checks ajv-formats registers by default ("full" mode), written from their grammars.

/** Orders two values of a format (for formatMaximum & co.); undefined when they do not compare. */
export type FormatCompare = (a: string, b: string) => number | undefined;

/** A known format: the data type it applies to and its test; `true` = known but never checked. */
export type FormatCheck = { type: "string" | "number"; test: (value: any) => boolean; compare?: FormatCompare } | true;

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const DATE_TIME_SEPARATOR = /t|\s/i;

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : (MONTH_DAYS[month] as number));
}

function makeTimeTest(zoneRequired: boolean): (s: string) => boolean {
  return (s) => {
    const m = TIME.exec(s);
    if (!m) return false;
    const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const sign = m[5] === "-" ? -1 : 1;
    const zoneHour = Number(m[6] ?? 0);
    const zoneMinute = Number(m[7] ?? 0);
    if (zoneHour > 23 || zoneMinute > 59 || (zoneRequired && !m[4])) return false;
    if (hour <= 23 && minute <= 59 && second < 60) return true;
    // A leap second is only valid at 23:59:60 UTC.
    const utcMinute = minute - zoneMinute * sign;
    const utcHour = hour - zoneHour * sign - (utcMinute < 0 ? 1 : 0);
    return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
  };
}

function makeDateTimeTest(zoneRequired: boolean): (s: string) => boolean {
  const isTime = makeTimeTest(zoneRequired);
  return (s) => {
    const parts = s.split(DATE_TIME_SEPARATOR);
    return parts.length === 2 && isDate(parts[0] as string) && isTime(parts[1] as string);
  };
}

function compareStrings(a: string, b: string): number {
  return a > b ? 1 : a < b ? -1 : 0;
}

function compareDate(a: string, b: string): number | undefined {
  return a && b ? compareStrings(a, b) : undefined;
}

/** Times compare as instants on one day (their zones applied); unparsable ones do not compare. */
function compareTime(a: string, b: string): number | undefined {
  if (!(a && b)) return undefined;
  const [ta, tb] = [new Date(`2020-01-01T${a}`).valueOf(), new Date(`2020-01-01T${b}`).valueOf()];
  return ta && tb ? ta - tb : undefined;
}

function compareDateTime(a: string, b: string): number | undefined {
  if (!(a && b)) return undefined;
  const [ta, tb] = [new Date(a).valueOf(), new Date(b).valueOf()];
  return ta && tb ? ta - tb : undefined;
}

/** iso-time ignores the zone: hours, minutes and seconds compare as text. */
function compareIsoTime(a: string, b: string): number | undefined {
  if (!(a && b)) return undefined;
  const [ma, mb] = [TIME.exec(a), TIME.exec(b)];
  if (!(ma && mb)) return undefined;
  return compareStrings(`${ma[1]}${ma[2]}${ma[3]}`, `${mb[1]}${mb[2]}${mb[3]}`);
}

function compareIsoDateTime(a: string, b: string): number | undefined {
  if (!(a && b)) return undefined;
  const [da, ta] = a.split(DATE_TIME_SEPARATOR);
  const [db, tb] = b.split(DATE_TIME_SEPARATOR);
  const byDate = compareDate(da as string, db as string);
  if (byDate === undefined) return undefined;
  return byDate || compareTime(ta as string, tb as string);
}

// RFC 3986 pieces; dec-octet is as lax as the reference ("01" passes), `"` only in uri-reference.
const HEX4 = "[0-9a-f]{1,4}";
const LAX_OCTET = "(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)";
const LAX_IPV4 = `(?:${LAX_OCTET}\\.){3}${LAX_OCTET}`;
const LS32 = `(?:${HEX4}:${HEX4}|${LAX_IPV4})`;
const IPV6_LITERAL = [
  `(?:${HEX4}:){6}${LS32}`,
  `::(?:${HEX4}:){5}${LS32}`,
  `(?:${HEX4})?::(?:${HEX4}:){4}${LS32}`,
  `(?:(?:${HEX4}:){0,1}${HEX4})?::(?:${HEX4}:){3}${LS32}`,
  `(?:(?:${HEX4}:){0,2}${HEX4})?::(?:${HEX4}:){2}${LS32}`,
  `(?:(?:${HEX4}:){0,3}${HEX4})?::${HEX4}:${LS32}`,
  `(?:(?:${HEX4}:){0,4}${HEX4})?::${LS32}`,
  `(?:(?:${HEX4}:){0,5}${HEX4})?::${HEX4}`,
  `(?:(?:${HEX4}:){0,6}${HEX4})?::`,
].join("|");
const PCT = "%[0-9a-f]{2}";
const SUB_DELIMS = "!$&'()*+,;=";

function buildUriPattern(schemeRequired: boolean, quote: string): RegExp {
  const pchar = `(?:[a-z0-9\\-._~${SUB_DELIMS}${quote}:@]|${PCT})`;
  const userinfo = `(?:(?:[a-z0-9\\-._~${SUB_DELIMS}:]|${PCT})*@)?`;
  const ipLiteral = `\\[(?:${IPV6_LITERAL}|[Vv][0-9a-f]+\\.[a-z0-9\\-._~${SUB_DELIMS}:]+)\\]`;
  const regName = `(?:[a-z0-9\\-._~${SUB_DELIMS}${quote}]|${PCT})*`;
  const authority = `${userinfo}(?:${ipLiteral}|${LAX_IPV4}|${regName})(?::\\d*)?`;
  const rootless = `${pchar}+(?:\\/${pchar}*)*`;
  const hier = `(?:\\/?\\/${authority}(?:\\/${pchar}*)*|\\/(?:${rootless})?|${rootless})`;
  const tail = `(?:[a-z0-9\\-._~${SUB_DELIMS}${quote}:@/?]|${PCT})*`;
  const scheme = `(?:[a-z][a-z0-9+\\-.]*:)${schemeRequired ? "" : "?"}`;
  return new RegExp(`^${scheme}${hier}${schemeRequired ? "" : "?"}(?:\\?${tail})?(?:#${tail})?$`, "i");
}

const URI = buildUriPattern(true, "");
const URI_REFERENCE = buildUriPattern(false, '"');

const VAR_CHAR = `(?:[a-z0-9_]|${PCT})+(?::[1-9][0-9]{0,3}|\\*)?`;
const URI_TEMPLATE = new RegExp(`^(?:(?:[^\\x00-\\x20"'<>%\\\\^\`{|}]|${PCT})|\\{[+#./;?&=,!@|]?${VAR_CHAR}(?:,${VAR_CHAR})*\\})*$`, "i");

// A web URL with a public IPv4 address or a host name with a top-level domain.
const URL_LABEL = "(?:[a-z0-9\\u{00a1}-\\u{ffff}]+-)*[a-z0-9\\u{00a1}-\\u{ffff}]+";
const PRIVATE_IP = "(?!(?:10|127)(?:\\.\\d{1,3}){3})(?!(?:169\\.254|192\\.168)(?:\\.\\d{1,3}){2})(?!172\\.(?:1[6-9]|2\\d|3[0-1])(?:\\.\\d{1,3}){2})";
const PUBLIC_IP = `${PRIVATE_IP}(?:[1-9]\\d?|1\\d\\d|2[01]\\d|22[0-3])(?:\\.(?:1?\\d{1,2}|2[0-4]\\d|25[0-5])){2}(?:\\.(?:[1-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-4]))`;
const URL_HOST = `(?:${PUBLIC_IP}|${URL_LABEL}(?:\\.${URL_LABEL})*(?:\\.(?:[a-z\\u{00a1}-\\u{ffff}]{2,})))`;
const URL = new RegExp(`^(?:https?|ftp):\\/\\/(?:\\S+(?::\\S*)?@)?${URL_HOST}(?::\\d{2,5})?(?:\\/[^\\s]*)?$`, "iu");

const ATEXT = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
const EMAIL_LABEL = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";
const EMAIL = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*@(?:${EMAIL_LABEL}\\.)+${EMAIL_LABEL}$`, "i");
const HOST_LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOSTNAME = new RegExp(`^(?=.{1,253}\\.?$)${HOST_LABEL}(?:\\.${HOST_LABEL})*\\.?$`, "i");
const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`);
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
const BASE64_LINE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Eight 16-bit groups, or fewer around one `::`; the last two may be a dotted IPv4 address. */
function isIpv6(s: string): boolean {
  const halves = s.split("::");
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === "" ? [] : h.split(":")));
  const all = groups.flat();
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes(".")) {
    if (!IPV4.test(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => HEX_GROUP.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

function isRegex(s: string): boolean {
  if (/[^\\]\\Z/.test(s)) return false;
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}

const str = (test: (s: string) => boolean, compare?: FormatCompare): FormatCheck => ({ type: "string", test, compare });
const byPattern = (re: RegExp): FormatCheck => str((s) => re.test(s));

export const FORMATS: ReadonlyMap<string, FormatCheck> = new Map<string, FormatCheck>([
  ["date", str(isDate, compareDate)],
  ["time", str(makeTimeTest(true), compareTime)],
  ["date-time", str(makeDateTimeTest(true), compareDateTime)],
  ["iso-time", str(makeTimeTest(false), compareIsoTime)],
  ["iso-date-time", str(makeDateTimeTest(false), compareIsoDateTime)],
  ["duration", byPattern(/^P(?!$)(?:(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?|(?:\d+W)?)$/)],
  ["uri", str((s) => /\/|:/.test(s) && URI.test(s))],
  ["uri-reference", byPattern(URI_REFERENCE)],
  ["uri-template", byPattern(URI_TEMPLATE)],
  ["url", byPattern(URL)],
  ["email", byPattern(EMAIL)],
  ["hostname", byPattern(HOSTNAME)],
  ["ipv4", byPattern(IPV4)],
  ["ipv6", str(isIpv6)],
  ["regex", str(isRegex)],
  ["uuid", byPattern(/^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i)],
  ["json-pointer", byPattern(/^(?:\/(?:[^~/]|~0|~1)*)*$/)],
  ["json-pointer-uri-fragment", byPattern(/^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i)],
  ["relative-json-pointer", byPattern(/^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/)],
  // Multi-line text passes when any one line is base64 (the reference tests with the `m` flag).
  ["byte", str((s) => s.split(/[\n\r\u2028\u2029]/).some((line) => BASE64_LINE.test(line)))],
  ["int32", { type: "number", test: (n: number) => Number.isInteger(n) && n <= 2 ** 31 - 1 && n >= -(2 ** 31) }],
  ["int64", { type: "number", test: (n: number) => Number.isInteger(n) }],
  ["float", { type: "number", test: () => true }],
  ["double", { type: "number", test: () => true }],
  ["password", true],
  ["binary", true],
]);
