// The JGI documentation site. Pages are rendered from where they live in the checkout (docs/,
// whose paths code and tests read), plus the pages the build generates into target/generated-docs
// (server reference, conformance, API index). See docs-site/README.md.
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitepress'
import { clausePlugin, definedClauses } from './clauses'

const siteRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const checkout = resolve(siteRoot, '..')
const generated = join(siteRoot, 'target', 'generated-docs')
const specFile = join(checkout, 'docs', 'spec', 'jgi-1.0.md')

/** Folders of the checkout whose Markdown is the site; everything else is excluded. */
const SOURCES = ['docs', relative(checkout, generated)]
/** Committed copies of generated reports: the site renders them from the build's JSON instead. */
const REPLACED = ['docs/tck/reference-report.md', 'docs/tck/jetty-report.md', 'docs/tck/tomcat-report.md', 'docs/tck/kill-matrix.md']
/** Build output inside docs/ (the spec module copies jgi-1.0.md into its target/classes). */
const BUILD_OUTPUT = ['docs/**/target/**']

/** Glob patterns for every sibling of each path component of SOURCES, so that only SOURCES are scanned. */
function excludeAllBut(root: string, keep: string[]): string[] {
  const patterns = new Set<string>()
  for (const source of keep) {
    const parts = source.split('/')
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = join(root, ...parts.slice(0, depth))
      if (!existsSync(dir)) break
      for (const entry of readdirSync(dir)) {
        const path = [...parts.slice(0, depth), entry].join('/')
        if (!keep.some((k) => k === path || k.startsWith(path + '/'))) {
          patterns.add(`${path}/**`)
          patterns.add(path)
        }
      }
    }
  }
  return [...patterns]
}

/** docs/x.md and the generated x.md become /x.html; a folder's README.md becomes its index. */
function route(id: string): string {
  for (const source of SOURCES) {
    if (id.startsWith(source + '/')) {
      id = id.slice(source.length + 1)
      break
    }
  }
  return id.replace(/(^|\/)README\.md$/, '$1index.md')
}

/**
 * Links written for GitHub name a folder's README.md; on the site that page is the folder's index
 * (route above), so the link follows it.
 */
function readmeLinks(md: any): void {
  md.core.ruler.push('readme-links', (state: any) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const href = token.type === 'link_open' ? token.attrGet('href') : null
        if (href && !/^[a-z]+:/i.test(href)) {
          token.attrSet('href', href.replace(/(^|\/)README\.md(#|$)/, '$1index.md$2'))
        }
      }
    }
  })
}

/** The site's sections: the sidebar lists their pages, the top bar names each (nav) and opens its first. */
const SECTIONS = [
  {
    text: 'Getting started',
    nav: 'Get started',
    items: [
      { text: 'Your first app', link: '/getting-started.md' },
      { text: 'Installing the server', link: '/install.md' },
      { text: 'Application developers', link: '/guide/applications.md' },
      { text: 'Framework authors', link: '/guide/framework-authors.md' },
      { text: 'Server vendors', link: '/guide/servers.md' },
    ],
  },
  { text: 'Specification', nav: 'Specification', items: [{ text: 'JGI 1.0', link: '/spec/jgi-1.0.md' }] },
  {
    text: 'Server reference',
    nav: 'Server',
    items: [
      { text: 'The reference server', link: '/server.md' },
      { text: 'Every setting', link: '/reference/server-settings.md' },
      { text: 'Static assets', link: '/static-assets.md' },
      { text: 'Servlet bridge', link: '/servlet-bridge.md' },
      { text: 'Operations', link: '/operations.md' },
      { text: 'Security limits', link: '/security.md' },
      { text: 'Architecture', link: '/architecture.md' },
    ],
  },
  {
    text: 'Deployment',
    nav: 'Deployment',
    items: [
      { text: 'Overview', link: '/deploy/index.md' },
      { text: 'Behind nginx', link: '/deploy-nginx.md' },
      { text: 'Several instances', link: '/deploy-scale-out.md' },
    ],
  },
  {
    text: 'Conformance',
    nav: 'Conformance',
    items: [
      { text: 'Overview', link: '/conformance/index.md' },
      { text: 'Reference server', link: '/conformance/reference.md' },
      { text: 'Jetty 12', link: '/conformance/jetty.md' },
      { text: 'Tomcat 11', link: '/conformance/tomcat.md' },
      { text: 'Kill matrix', link: '/conformance/kill-matrix.md' },
      { text: 'Faulty applications', link: '/tck/faulty-apps.md' },
      { text: 'Mutation testing (PIT)', link: '/tck/pit.md' },
      { text: 'Running the TCK', link: '/tck/vendor-guide.md' },
      { text: 'The conformance kernel', link: '/kernel.md' },
    ],
  },
  {
    text: 'Performance',
    nav: 'Performance',
    items: [
      { text: 'Benchmarks', link: '/benchmarks/index.md' },
      { text: 'Latest full run', link: '/benchmarks/results.md' },
      { text: 'JMH', link: '/benchmarks/jmh.md' },
    ],
  },
  { text: 'API reference', nav: 'API', items: [{ text: 'Javadoc', link: '/api/index.md' }] },
]

export default defineConfig({
  title: 'JGI',
  description: 'The Java Gateway Interface: a small contract between Java web servers and applications',
  lang: 'en',
  // Where the site is served from; clause links in reports and validator messages use JGI_DOCS_URL.
  base: process.env.JGI_SITE_BASE || '/',
  srcDir: checkout,
  srcExclude: [...excludeAllBut(checkout, SOURCES), ...REPLACED, ...BUILD_OUTPUT],
  rewrites: route,
  outDir: join(siteRoot, 'target', 'site'),
  cacheDir: join(siteRoot, 'target', 'vitepress-cache'),
  cleanUrls: false,
  // VitePress takes a link to a file of an extension it does not know for a page; DocFiles copies
  // such files (systemd units, manifests) as they are, and SiteIT's link check proves they resolve.
  ignoreDeadLinks: [/\.(socket|service|conf|ya?ml|properties|env)$/, /(^|\/)Procfile$/],
  lastUpdated: false,
  markdown: {
    config: (md) => {
      clausePlugin(md, definedClauses(specFile), specFile)
      readmeLinks(md)
    },
  },
  vite: {
    // The pages live outside this folder, where no node_modules is: Vue resolves from here.
    resolve: {
      alias: [
        { find: /^vue$/, replacement: join(siteRoot, 'node_modules', 'vue') },
        { find: /^vue\/server-renderer$/, replacement: join(siteRoot, 'node_modules', 'vue', 'server-renderer') },
      ],
    },
    // Javadoc and the files the pages link to (JSON results, plots) are copied here by the build.
    publicDir: join(siteRoot, 'target', 'public'),
  },
  themeConfig: {
    search: { provider: 'local' },
    outline: { level: [2, 3] },
    // The top bar opens each section at its first page.
    nav: SECTIONS.map((section) => ({ text: section.nav, link: section.items[0].link })),
    sidebar: SECTIONS.map(({ text, items }) => ({ text, items })),
  },
})
