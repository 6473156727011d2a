/**
 * The one table of command ids and setting keys. A test checks it against package.json both ways,
 * so a command cannot be contributed without a handler or registered without being contributed.
 */
export const Commands = {
  showTerms: 'hanziGloss.showTerms',
  searchGlossary: 'hanziGloss.searchGlossary',
  addEntry: 'hanziGloss.addEntry',
  editEntry: 'hanziGloss.editEntry',
  removeEntry: 'hanziGloss.removeEntry',
  /** Internal (a QA quick fix): adds a rendering to a term's approved ones in the workspace glossary. */
  approveRendering: 'hanziGloss.approveRendering',
  /** Internal (the Undo button of that fix's message): puts the workspace glossary's entry back. */
  undoApproveRendering: 'hanziGloss.undoApproveRendering',
  importGlossary: 'hanziGloss.importGlossary',
  exportGlossary: 'hanziGloss.exportGlossary',
  exportAnki: 'hanziGloss.exportAnki',
  annotatePassage: 'hanziGloss.annotatePassage',
  exportBilingual: 'hanziGloss.exportBilingual',
  addNote: 'hanziGloss.addSidecarNote',
  editNote: 'hanziGloss.editSidecarNote',
  removeNote: 'hanziGloss.removeSidecarNote',
  noteToInline: 'hanziGloss.sidecarNoteToInline',
  inlineToNote: 'hanziGloss.inlineToSidecarNote',
  nextTerm: 'hanziGloss.nextTerm',
  previousTerm: 'hanziGloss.previousTerm',
  showGlossAtCursor: 'hanziGloss.showGlossAtCursor',
  toggleInlinePinyin: 'hanziGloss.toggleInlinePinyin',
  /** Internal (a term of the Terms view): selects the term's next occurrence after the cursor. */
  revealTerm: 'hanziGloss.revealTerm',
  /** Internal (an item of the Annotations view): selects the annotation or the noted passage. */
  revealAnnotation: 'hanziGloss.revealAnnotation',
  /** An own entry of the Glossaries view: opens its file with the entry selected. */
  revealEntryInFile: 'hanziGloss.revealEntryInFile',
  createWorkspaceGlossary: 'hanziGloss.createWorkspaceGlossary',
  /** The walkthrough's buttons: opens the bundled sample and does one step there. */
  openSample: 'hanziGloss.openSample',
  /** Language-model drafts (each sends text to a model; their titles say so). */
  draftWithModel: 'hanziGloss.draftWithModel',
  draftAllWithModel: 'hanziGloss.draftAllWithModel',
  draftNoteWithModel: 'hanziGloss.draftNoteWithModel',
  selectModel: 'hanziGloss.selectModel',
  setEndpointKey: 'hanziGloss.setEndpointKey',
  clearEndpointKey: 'hanziGloss.clearEndpointKey',
} as const;

/** The chat participant (package.json chatParticipants). */
export const CHAT_PARTICIPANT = 'hanziGloss.hanzi';

/** The view container and its views (package.json's viewsContainers and views). */
export const Views = {
  container: 'hanziGloss',
  terms: 'hanziGloss.terms',
  glossaries: 'hanziGloss.glossaries',
  annotations: 'hanziGloss.annotations',
} as const;

export const SECTION = 'hanziGloss';

export const Settings = {
  hoverEnabled: 'hover.enabled',
  languagesInclude: 'languages.include',
  languagesExclude: 'languages.exclude',
  toneStyle: 'pinyin.toneStyle',
  scriptFirst: 'script.first',
  statusBarEnabled: 'statusBar.enabled',
  workspaceGlossaries: 'glossaries.workspace',
  userGlossary: 'glossaries.user',
  disabledDomains: 'curated.disabledDomains',
  markers: 'annotations.markers',
  qaSeverity: 'qa.severity',
  stopAt: 'keys.stopAt',
  inlinePinyin: 'inlinePinyin',
  toneColors: 'toneColors',
  modelEnabled: 'model.enabled',
  modelSource: 'model.source',
  modelVscodeModel: 'model.vscodeModel',
  modelEndpointUrl: 'model.endpoint.url',
  modelEndpointModel: 'model.endpoint.model',
  modelRegister: 'model.style.register',
  modelSpelling: 'model.style.spelling',
  modelCompanyNames: 'model.style.companyNames',
  modelInstructions: 'model.style.instructions',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
