// Drives a Bitbucket Cloud simulator with the npm 'bitbucket' client (generated from Bitbucket Cloud's OpenAPI
// description), so the client's own paths, parameters and field names are used, not ours.
// Usage: node fidelity.mjs <apiBaseUrl> <email> <apiToken> <workspace> <repoSlug> <commitHash> <hookUrl>
// Prints one line per step: "ok <step>" or "FAIL <step>: <why>"; exits 1 if any step failed.
import pkg from 'bitbucket'

const { Bitbucket } = pkg

const [baseUrl, email, token, workspace, repoSlug, commit, hookUrl] = process.argv.slice(2)
const bitbucket = new Bitbucket({ baseUrl, auth: { username: email, password: token } })
let failed = false

async function step(name, run) {
  try {
    await run()
    console.log(`ok ${name}`)
  } catch (e) {
    failed = true
    console.log(`FAIL ${name}: ${e.status ?? ''} ${e.message ?? e}`)
  }
}

function expect(condition, why) {
  if (!condition) throw new Error(why)
}

await step('user.get', async () => {
  const { data } = await bitbucket.user.get({})
  expect(data.display_name && data.uuid && data.account_id, 'display_name, uuid and account_id expected')
})

await step('repositories.list with pagination', async () => {
  const first = await bitbucket.repositories.list({ workspace, pagelen: 1 })
  expect(first.data.values.length === 1, 'one repository per page')
  expect(first.data.values[0].full_name.startsWith(workspace + '/'), 'full_name is workspace/slug')
  expect(first.data.next, 'a next link with more repositories')
  const second = await bitbucket.repositories.list({ workspace, pagelen: 1, page: '2' })
  expect(second.data.values[0].full_name !== first.data.values[0].full_name, 'page 2 differs from page 1')
})

await step('repositories.get', async () => {
  const { data } = await bitbucket.repositories.get({ workspace, repo_slug: repoSlug })
  expect(data.full_name === `${workspace}/${repoSlug}` && data.uuid, 'full_name and uuid expected')
})

let uid
await step('repositories.createWebhook', async () => {
  const { data } = await bitbucket.repositories.createWebhook({
    workspace, repo_slug: repoSlug,
    _body: { description: 'fidelity', url: hookUrl, active: true, events: ['repo:push'], secret: 's3cret' },
  })
  expect(data.uuid && data.secret_set === true && data.secret === undefined, 'uuid, secret_set and no secret')
  uid = data.uuid
})

await step('repositories.listWebhooks', async () => {
  const { data } = await bitbucket.repositories.listWebhooks({ workspace, repo_slug: repoSlug })
  expect(data.values.some((h) => h.uuid === uid && h.events.includes('repo:push')), 'the new hook is listed')
})

await step('repositories.getWebhook', async () => {
  const { data } = await bitbucket.repositories.getWebhook({ workspace, repo_slug: repoSlug, uid })
  expect(data.url === hookUrl && data.active === true, 'url and active as created')
})

await step('repositories.deleteWebhook', async () => {
  await bitbucket.repositories.deleteWebhook({ workspace, repo_slug: repoSlug, uid })
  const { data } = await bitbucket.repositories.listWebhooks({ workspace, repo_slug: repoSlug })
  expect(!data.values.some((h) => h.uuid === uid), 'the hook is gone')
})

await step('commitstatuses.createBuildStatus', async () => {
  const { data } = await bitbucket.commitstatuses.createBuildStatus({
    workspace, repo_slug: repoSlug, commit,
    _body: { key: 'fidelity', state: 'INPROGRESS', name: 'Fidelity', url: 'https://ci.example.com/1' },
  })
  expect(data.key === 'fidelity' && data.state === 'INPROGRESS', 'the status as posted')
})

process.exit(failed ? 1 : 0)
