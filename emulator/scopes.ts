// OAuth scopes the twin checks against the loaded manifest (appsscript.json oauthScopes).
export const SCOPE = {
  sheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  sheets: 'https://www.googleapis.com/auth/spreadsheets',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  forms: 'https://www.googleapis.com/auth/forms',
  userEmail: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

/** Modes in which the bound document may be read (not NONE). */
export const DOCUMENT_MODES = ['CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const;
export const FULL_ONLY = ['FULL'] as const;
