// Clause IDs in the rendered site. The specification's clause lines (`- **JGI-BODY-3** (...): ...`)
// become list items with the clause ID as their id, so that `spec/jgi-1.0.html#JGI-BODY-3` is a
// stable address; every other mention of a defined clause ID, on any page, links there.
import { readFileSync } from 'node:fs'
import type MarkdownIt from 'markdown-it'

export const SPEC_PAGE = '/spec/jgi-1.0.md'
const CLAUSE_LINE = /^- \*\*(JGI-[A-Z0-9]+-\d+)\*\*/gm
const MENTION = /JGI-[A-Z0-9]+-\d+/g

/** The clause IDs the specification defines, read from its Markdown source. */
export function definedClauses(specFile: string): Set<string> {
  const ids = new Set<string>()
  for (const match of readFileSync(specFile, 'utf8').matchAll(CLAUSE_LINE)) {
    ids.add(match[1])
  }
  if (ids.size === 0) {
    throw new Error(`no clause lines found in ${specFile}`)
  }
  return ids
}

export function clausePlugin(md: MarkdownIt, clauses: Set<string>, specSource: string) {
  md.core.ruler.push('jgi_clauses', (state) => {
    const onSpec = (state.env.realPath ?? state.env.path) === specSource
    const tokens = state.tokens
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]
      if (onSpec && token.type === 'list_item_open') {
        anchorClauseLine(state, tokens, i, clauses)
      }
      if (token.type === 'inline' && token.children) {
        token.children = linkMentions(state, token.children, clauses, onSpec)
      }
    }
  })
}

/** `<li id="JGI-BODY-3" class="clause">` with the bold ID as a link to itself. */
function anchorClauseLine(state: any, tokens: any[], i: number, clauses: Set<string>) {
  const inline = tokens[i + 2]
  const children = inline?.type === 'inline' ? inline.children : null
  if (!children) return
  // markdown-it may start the inline children with an empty text token.
  const first = children.findIndex((t: any) => t.type !== 'text' || t.content !== '')
  if (first < 0 || children.length < first + 3) return
  const [open, text, close] = children.slice(first, first + 3)
  if (open.type !== 'strong_open' || text.type !== 'text' || close.type !== 'strong_close') return
  if (!clauses.has(text.content)) return
  tokens[i].attrSet('id', text.content)
  tokens[i].attrJoin('class', 'clause')
  const link = new state.Token('link_open', 'a', 1)
  link.attrSet('href', `#${text.content}`)
  link.attrSet('class', 'clause-anchor')
  link.attrSet('title', `Link to ${text.content}`)
  const end = new state.Token('link_close', 'a', -1)
  text.meta = { clauseId: true }
  children.splice(first, 3, link, open, text, close, end)
}

/** Links every defined clause ID in text and inline code that is not already inside a link. */
function linkMentions(state: any, children: any[], clauses: Set<string>, onSpec: boolean): any[] {
  const out: any[] = []
  let linkDepth = 0
  for (const child of children) {
    if (child.type === 'link_open') linkDepth++
    if (child.type === 'link_close') linkDepth--
    if (linkDepth > 0 || child.meta?.clauseId || (child.type !== 'text' && child.type !== 'code_inline')) {
      out.push(child)
      continue
    }
    if (child.type === 'code_inline') {
      out.push(...(clauses.has(child.content) ? wrap(state, child, child.content, onSpec) : [child]))
      continue
    }
    let last = 0
    for (const match of child.content.matchAll(MENTION)) {
      const id = match[0]
      if (!clauses.has(id)) continue
      if (match.index > last) out.push(textToken(state, child.content.slice(last, match.index)))
      out.push(...wrap(state, textToken(state, id), id, onSpec))
      last = match.index + id.length
    }
    out.push(last === 0 ? child : textToken(state, child.content.slice(last)))
  }
  return out.filter((t) => t.type !== 'text' || t.content !== '')
}

function wrap(state: any, inner: any, id: string, onSpec: boolean): any[] {
  const open = new state.Token('link_open', 'a', 1)
  open.attrSet('href', onSpec ? `#${id}` : `${SPEC_PAGE}#${id}`)
  open.attrSet('class', 'clause-ref')
  return [open, inner, new state.Token('link_close', 'a', -1)]
}

function textToken(state: any, content: string) {
  const token = new state.Token('text', '', 0)
  token.content = content
  return token
}
