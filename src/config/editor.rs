//! `editor:` in site.yaml: where the editor at `/admin/` commits (the editor module makes `/admin/`).

use serde::Deserialize;

/// The Git host the editor commits to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// GitHub.
    Github,
    /// GitLab.
    Gitlab,
    /// Gitea (and Forgejo).
    Gitea,
}

impl Backend {
    /// The backend's name in the editor's configuration.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Github => "github",
            Backend::Gitlab => "gitlab",
            Backend::Gitea => "gitea",
        }
    }

    /// True when the editor can keep unpublished changes on branches of
    /// their own, as pull requests (Decap's editorial workflow).
    pub fn has_workflow(self) -> bool {
        matches!(self, Backend::Github | Backend::Gitlab)
    }
}

/// `editor: { backend, repo, branch, base_url }`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Editor {
    /// Where the repository is.
    pub backend: Backend,
    /// `organisation/repository`.
    pub repo: String,
    /// The branch the site is built from.
    #[serde(default = "main")]
    pub branch: String,
    /// The address of the sign-in service (an OAuth client), when the
    /// backend's own is not used.
    #[serde(default)]
    pub base_url: Option<String>,
    /// The Git host's address, for a host of one's own (`https://git.example.se`).
    #[serde(default)]
    pub api_root: Option<String>,
    /// The OAuth application's id, for signing in to GitLab or Gitea
    /// without a service of one's own (PKCE).
    #[serde(default)]
    pub app_id: Option<String>,
}

fn main() -> String {
    "main".into()
}
