// Build of the PWA: Preact, the web manifest and a Workbox service worker that precaches the whole app.
import { defineConfig } from 'vite'
import preact from '@preact/preset-vite'
import { VitePWA } from 'vite-plugin-pwa'

const relayForDev = process.env.PEDIBUS_DEV_RELAY ?? 'http://127.0.0.1:8787'

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        id: '/',
        name: 'Pédibus Coop',
        short_name: 'Pédibus',
        description: 'Le pédibus de votre école, organisé entre familles, même sans réseau.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#fffdf7',
        theme_color: '#1f5f3f',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/sync\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
        // No source map of the service worker: it would be served with the app (and says how the code works).
        sourcemap: false,
      },
      devOptions: { enabled: false },
    }),
  ],
  server: {
    proxy: {
      '/sync': { target: relayForDev.replace(/^http/, 'ws'), ws: true },
      '/healthz': relayForDev,
    },
  },
  build: {
    target: 'es2020',
    // Not built for production: a map served publicly exposes the sources, and phones never need it.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Rolldown splits out every module the first screen shares with a lazy screen, however small: each such file
        // is one more request on the first visit (over HTTP/1.1, six at a time), which cost slow 4G 300 ms. Every
        // module the entry loads statically goes into one chunk instead; lazy screens still load on demand.
        codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] },
      },
    },
  },
})
