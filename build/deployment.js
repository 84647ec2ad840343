// Where the add-in is served from. manifest.xml names the development server (https://localhost:3000/);
// the production build writes dist/manifest.prod.xml with every such URL pointed at the deployment's
// base URL, which comes from configuration and is refused when it cannot be a real deployment.
//
// Microsoft's rules behind the checks:
// - "Publish an Office Add-in from Visual Studio Code" (learn.microsoft.com/office/dev/add-ins/publish/publish-add-in-vs-code):
//   to publish, deploy the web app and change every localhost URL of the manifest to the deployed URL.
// - "Requirements for running Office Add-ins" (…/concepts/requirements-for-running-office-add-ins, HTTPS guidance):
//   an add-in used in Office on the web must be served over HTTPS (SSL-secured); self-signed certificates
//   are for development only.

/** The development server of manifest.xml (webpack-dev-server with office-addin-dev-certs). */
const DEV_BASE_URL = "https://localhost:3000/";

/** The environment variable that gives the production base URL (`--env baseUrl=…` takes precedence). */
const BASE_URL_VARIABLE = "KP12328_BASE_URL";

const HOW = `set ${BASE_URL_VARIABLE}=https://<server>/<path>/ or run \`npm run build -- --env baseUrl=https://<server>/<path>/\` (see docs/deployment.md)`;

/** A configuration mistake of the production build, reported as one line. */
class DeploymentError extends Error {
  constructor(message) {
    super(`kp12328 build: ${message}`);
    this.name = "DeploymentError";
  }
}

/**
 * Hosts that are never a deployment: loopback addresses and localhost, and the names reserved for
 * documentation and tests (RFC 2606: example.com/.net/.org, .example, .test, .invalid; RFC 6761: .localhost).
 */
function isPlaceholderHost(hostname) {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(host) || host === "0.0.0.0" || host === "::1" || host === "::") return true;
  if (/(^|\.)example\.(com|net|org)$/.test(host)) return true;
  return /\.(example|test|invalid)$/.test(host) || ["example", "test", "invalid"].includes(host);
}

/**
 * The production base URL from `--env baseUrl=…` or KP12328_BASE_URL: an https URL of a real host,
 * without query, fragment or credentials, returned with a trailing slash. Throws a DeploymentError otherwise.
 */
function productionBaseUrl(env, environment) {
  const given = (env && typeof env.baseUrl === "string" && env.baseUrl.trim()) || (environment[BASE_URL_VARIABLE] || "").trim();
  if (!given) throw new DeploymentError(`a production build needs the HTTPS address the add-in is served from: ${HOW}.`);
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new DeploymentError(`"${given}" is not a URL: ${HOW}.`);
  }
  if (url.protocol !== "https:") throw new DeploymentError(`"${given}" must use https (Office requires it): ${HOW}.`);
  if (isPlaceholderHost(url.hostname)) throw new DeploymentError(`"${given}" is a placeholder or local address, not a deployment: ${HOW}.`);
  if (url.search || url.hash || url.username || url.password)
    throw new DeploymentError(`"${given}" must be a plain folder address, without query, fragment or credentials: ${HOW}.`);
  return `${url.origin}${url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`}`;
}

/** Every URL a manifest names (attribute values and element text), XML namespace declarations excepted. */
function manifestUrls(xml) {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const urls = [];
  for (const m of body.matchAll(/\s([\w:.-]+)\s*=\s*"(https?:\/\/[^"]*)"/g)) if (!m[1].startsWith("xmlns")) urls.push(m[2]);
  for (const m of body.matchAll(/>\s*(https?:\/\/[^<\s]*)\s*</g)) urls.push(m[1]);
  return urls;
}

/** manifest.xml with its development URLs pointed at `baseUrl`; refuses a result that still names a local or placeholder host. */
function productionManifest(xml, baseUrl) {
  const out = xml.split(DEV_BASE_URL).join(baseUrl);
  for (const u of manifestUrls(out)) {
    const url = new URL(u);
    if (url.protocol !== "https:" || isPlaceholderHost(url.hostname))
      throw new DeploymentError(`the production manifest would still name ${u}; manifest.xml should use ${DEV_BASE_URL} for every URL.`);
  }
  return out;
}

module.exports = {
  BASE_URL_VARIABLE,
  DEV_BASE_URL,
  DeploymentError,
  isPlaceholderHost,
  manifestUrls,
  productionBaseUrl,
  productionManifest,
};
