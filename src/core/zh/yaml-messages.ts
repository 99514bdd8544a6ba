/** The Chinese messages of `yamlMessages` (src/core/yaml-messages.ts), for the terminal (src/core/localize.ts says how). */
import type { Translation } from "../localize.js";
import { quote } from "../quote.js";
import type { FlowClose, yamlMessages } from "../yaml-messages.js";

/** `[ ]` or `{ }`, by the closing bracket. */
const brackets = (close: FlowClose) => (close === "]" ? "[ ]" : "{ }");
/** 列表 or 映射, by the closing bracket. */
const flowKind = (close: FlowClose) => (close === "]" ? "列表" : "映射");
/** An indent of `count` spaces, in words. */
const spaces = (count: number) => (count === 0 ? "不缩进" : `缩进 ${count} 个空格`);

export const yamlMessagesZh: Translation<typeof yamlMessages> = {
  aliasWithProperties: () => "别名（*name）前写有锚点（&name）或标签（!tag）；应直接写出值，不用 & 或 *（不接受别名）",
  emptyAnchor: (mark) => `${mark} 后面没有名称，YAML 会把它读作没有名称的${mark === "&" ? "锚点" : "别名"}；如果 ${mark} 是文本的一部分，应给值加引号`,
  badDirective: () => "以 % 开头的行是 YAML 无法读取的指令；不应有以 % 开头的行（以 % 开头的值应加引号）",
  badEscape: (found) =>
    `双引号中的文本里${found === undefined ? "的反斜杠" : `的转义 ${found} `}不是 YAML 认识的转义（反斜杠表示转义的开始）；应改用单引号（其中反斜杠就是普通字符），或把每个反斜杠写两遍`,
  indentation: () => "本行的缩进不是 YAML 在此处期望的缩进；列表或映射的各项应从同一列开始，值的各行应比其键缩进更多",
  flowIndent: (close) => `${brackets(close)} 中的${flowKind(close)}没有闭合，或其下一行的缩进没有超过它的键；应以 ${close} 闭合，并让括号内各行比键缩进更多`,
  propertyOrder: (indicator) =>
    `锚点（&name）或标签（!tag）写在了${indicator === undefined ? "键、值或列表项的标记" : ` ${quote(indicator)} `}之前；应写在${indicator === undefined ? "该标记" : ` ${quote(indicator)} `}之后`,
  scalarStart: (character) => `值以${character === undefined ? "某个字符" : ` ${quote(character)} `}开头，而该字符在 YAML 中有特殊用途；应给值加引号`,
  compactMap: () => '键所在的行中又有一个 "key: value"（如 "a: b: c"）；内层的键应另起一行，缩进写在其上级键之下；如果 ":" 是文本的一部分，应给值加引号',
  indentedUnderValue: (key, keyLine, indent) =>
    `本行比上面的键 ${quote(key)}（第 ${keyLine} 行）缩进更多，因此被读作该键的值的一部分；应与 ${quote(key)} 缩进相同（${spaces(indent)}），如果本行属于 ${quote(key)} 之下，第 ${keyLine} 行中 ${quote(key)} 后面不应有值`,
  blockAsKey: () => '由 "- " 项组成的列表被用作映射的键；键应为文本',
  itemOutOfLine: (itemLine, indent) => `此 "- " 项与其所在列表上面的各项（第 ${itemLine} 行，${spaces(indent)}）没有对齐；应与它们缩进相同（${spaces(indent)}）`,
  itemAmongKeys: (key, keyLine) =>
    `"- " 项出现在映射的键之间（如第 ${keyLine} 行的 ${quote(key)}），此处每行应为 "key: value"；应写作 "key: value"，或把列表各项写在其键（单独一行的 "key:"）下面的行中，并比键缩进更多`,
  blockInFlow: () => '[ ] 或 { } 中出现 "- " 项，或前面没有逗号的 "key: value"；括号内各项应以逗号分隔，或不用括号，把列表或映射写成每行一项',
  duplicateKey: () => "同一映射中有键出现了两次；每个键应只出现一次",
  longKey: (limit) => `键后的 ":" 距键的开头超过 ${limit} 个字符，超出了 YAML 查找的范围；应使用更短的键（长文本应写在值中）`,
  unclosedQuote: (double) => `${double ? "双" : "单"}引号中的文本没有闭合；应在值的末尾加上闭合的${double ? "双" : "单"}引号`,
  missingComma: (close) => `${brackets(close)} 中两项之间什么也没有；两项之间应有逗号`,
  unclosedFlow: (close) => `以 ${close === "]" ? "[" : "{"} 开始的${flowKind(close)}没有闭合；应以 ${close} 闭合`,
  keyWithoutValue: () => '映射的键之间有一行文本，后面没有 ": "；应写作 "key: value"，或让这一行缩进更多，作为上一个值的一部分',
  itemWithoutDash: () => '列表的各项之间有一行前面没有 "- "；每一项都应以 "- " 开头，或让这一行缩进更多，作为上一项的一部分',
  commentSpace: () => "值后面紧跟着 #，而 # 只有在前面有空格时才表示注释；应在 # 前加空格，或在 # 属于值时给值加引号",
  propertySpacing: () => '锚点（&name）或标签（!tag）与后面的内容连在了一起；其后应有空格，列表的 "- " 各项应写在它下面的行中',
  directivesEnd: () => '以 % 开头的行被读作指令，其后必须有一行 "---"；不应有以 % 开头的行（以 % 开头的值应加引号）',
  blockTextLeadingLines: () => "块文本（| 或 > 之后）以空行开头，且这些空行比第一行文本缩进更多；应删去这些空行，或在 | 或 > 后写明缩进（|2 表示 2 个空格）",
  collectionOnDocumentStart: () => '列表或映射从 "---" 所在的行开始；应从 "---" 的下一行开始',
  missingCharacter: () => '此处缺少 YAML 需要的字符（闭合的引号或括号、逗号、":" 后的空格，或 "- "）；应补上该字符',
  multilineKey: (inBrackets) =>
    inBrackets
      ? '[ ] 中的键跨越了多行；括号内的每个 "key: value" 都应写在一行中'
      : '键跨越了多行（紧接在 "key: value" 行之上、没有 ": " 的一行会被读作该键的开头）；每个键应写在一行中，后跟 ": "',
  twoProperties: (kind) => (kind === "anchor" ? "一个值有两个锚点（&name）；最多应有一个" : "一个值有两个标签（!tag）；最多应有一个"),
  severalDocuments: () => '"---" 或 "..." 行结束了第一个 YAML 文档，其后还有内容；文件中应只有一个文档：删去该行，或把文件拆分',
  unknownTag: (tag) => `${tag === undefined ? "标签" : `标签 ${quote(tag)} `}无法解析（其前缀没有 %TAG 行声明）；不应使用标签（以 ! 开头的值应加引号）`,
  textAfterValue: () => "值结束后还有文本（在闭合的引号或括号之后，或在缩进与上面任何键或项都不对应的行中）；应把它写在值内，或单独成行，作为键或列表项",
  stray: (found) =>
    `${quote(found)} 没有可归属之处（没有对应开括号的闭括号、前面没有键的 ":"，或缩进与上面任何键或项都不对应的行）；应删去，或作为值的一部分加上引号`,
  listOnKeyLine: () => '"- " 项写在了其键所在的行（如 "a: - b"）；列表各项应写在键下面的行中并缩进，如果值以 - 开头，应给值加引号',
  emptyItem: (close) => `${brackets(close)} 中有空项（逗号前什么也没有）；每个逗号前都应有值`,
  blockHeader: (header) => `${quote(header)} 开始一段块文本，该行 | 或 > 之后只能跟缩进数字以及 - 或 +；文本应写在下面的行中并缩进`,
  unexpectedText: () => 'YAML 在此处不期望有这段文本；每一行都应是 "key: value" 或 "- " 项，缩进与其同级的键或项相同，含特殊字符的值应加引号',
};
