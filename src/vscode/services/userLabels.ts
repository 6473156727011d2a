/** The core's messages in the user's language: built once from vscode.l10n for every feature. */
import * as vscode from 'vscode';
import { coreLabels } from './coreLabels';

export const LABELS = coreLabels(vscode.l10n);
