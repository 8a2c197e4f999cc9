// Finds a Chromium-family or Firefox binary for the demo, the browser tests
// and the benchmarks. An environment variable wins; then the usual install
// paths; then PATH. When nothing is found the error says what to install.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const CHROMIUM = {
  env: ['CASEBOOK_CHROMIUM', 'CHROME_PATH', 'CHROMIUM_PATH'],
  paths: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ],
  names: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
  install:
    'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: `brew install --cask chromium`) or set CASEBOOK_CHROMIUM=/path/to/chrome.',
};

const FIREFOX = {
  env: ['CASEBOOK_FIREFOX', 'FIREFOX_PATH'],
  paths: [
    '/usr/bin/firefox-esr',
    '/usr/lib/firefox-esr/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
    'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
  ],
  names: ['firefox-esr', 'firefox'],
  install:
    'No Firefox found. Install it (Debian/Ubuntu: `sudo apt-get install -y firefox-esr`; macOS: `brew install --cask firefox`) or set CASEBOOK_FIREFOX=/path/to/firefox.',
};

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function find(spec) {
  for (const name of spec.env) {
    const value = process.env[name];
    if (value) {
      if (executable(value)) return value;
      throw new Error(`${name}=${value} is not an executable file. ${spec.install}`);
    }
  }
  for (const path of spec.paths) if (executable(path)) return path;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of spec.names) {
      const candidate = join(dir, name);
      if (dir && executable(candidate)) return candidate;
    }
  }
  throw new Error(spec.install);
}

export function findChromium() {
  return find(CHROMIUM);
}

export function findFirefox() {
  return find(FIREFOX);
}

/** Flags every headless Chromium launch here needs: the network is closed. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function extensionFlags(dir) {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}
