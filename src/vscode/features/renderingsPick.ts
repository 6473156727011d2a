/**
 * The English renderings of an entry, edited as a list in one quick pick: type a rendering and
 * press Enter to add it; choose one to edit, move up or remove it (or use its buttons); "Done"
 * saves. A rendering is never split on a separator, so "Huawei Technologies Co., Ltd." stays one.
 * Everything works from the keyboard; the buttons are a shortcut for the mouse.
 */
import * as vscode from 'vscode';

type Mode = { kind: 'list' } | { kind: 'actions'; index: number } | { kind: 'edit'; index: number };

interface Item extends vscode.QuickPickItem {
  readonly run: () => void;
  /** For a rendering's own row: its place in the list (labels may show icons, so not found by label). */
  readonly index?: number;
}

const BUTTONS = {
  up: { iconPath: new vscode.ThemeIcon('arrow-up'), tooltip: vscode.l10n.t('Move up') },
  edit: { iconPath: new vscode.ThemeIcon('edit'), tooltip: vscode.l10n.t('Edit') },
  remove: { iconPath: new vscode.ThemeIcon('trash'), tooltip: vscode.l10n.t('Remove') },
};

/** Resolves with the edited list (at least one rendering), or undefined when the user cancels. */
export function pickRenderings(title: string, initial: readonly string[]): Promise<string[] | undefined> {
  const list = initial.map((s) => s.trim()).filter((s) => s.length > 0);
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = title;
  pick.ignoreFocusOut = true;
  let mode: Mode = { kind: 'list' };
  let focus: number | undefined;

  const move = (from: number, to: number) => {
    const [moved] = list.splice(from, 1);
    list.splice(to, 0, moved);
    focus = to;
  };
  const show = (next: Mode, value = '') => {
    mode = next;
    pick.value = value;
    render();
  };

  const listItems = (): Item[] => {
    const typed = pick.value.trim();
    const items: Item[] = [];
    if (typed) {
      items.push({
        label: vscode.l10n.t('Add "{0}"', typed),
        alwaysShow: true,
        run: () => {
          // "Done" stays active, so Enter on an empty box after the last addition saves.
          if (!list.includes(typed)) list.push(typed);
          show({ kind: 'list' });
        },
      });
    }
    if (list.length > 0) {
      items.push({
        label: `$(check) ${vscode.l10n.t('Done')}`,
        description: vscode.l10n.t('{0} rendering(s), preferred first', list.length),
        alwaysShow: true,
        run: () => finish(list),
      });
    }
    list.forEach((rendering, index) => {
      items.push({
        label: rendering,
        description: index === 0 ? vscode.l10n.t('preferred') : String(index + 1),
        buttons: index > 0 ? [BUTTONS.up, BUTTONS.edit, BUTTONS.remove] : [BUTTONS.edit, BUTTONS.remove],
        index,
        run: () => show({ kind: 'actions', index }),
      });
    });
    return items;
  };

  const action = (icon: string, label: string, run: () => void): Item => ({
    label: `$(${icon}) ${label}`,
    alwaysShow: true,
    run,
  });
  const moveUp = (index: number) =>
    action('arrow-up', vscode.l10n.t('Move up'), () => (move(index, index - 1), show({ kind: 'list' })));
  const actionItems = (index: number): Item[] => [
    action('edit', vscode.l10n.t('Edit'), () => show({ kind: 'edit', index }, list[index])),
    ...(index > 0 ? [moveUp(index)] : []),
    action('trash', vscode.l10n.t('Remove'), () => (list.splice(index, 1), show({ kind: 'list' }))),
    action('arrow-left', vscode.l10n.t('Back'), () => ((focus = index), show({ kind: 'list' }))),
  ];

  const editItems = (index: number): Item[] => {
    const typed = pick.value.trim();
    if (!typed) return [{ label: vscode.l10n.t('Enter the rendering'), alwaysShow: true, run: () => undefined }];
    return [
      {
        label: vscode.l10n.t('Save "{0}"', typed),
        alwaysShow: true,
        run: () => {
          list[index] = typed;
          // An edit that now equals another rendering merges the two.
          const first = list.indexOf(typed);
          if (first !== index) list.splice(index, 1);
          focus = first;
          show({ kind: 'list' });
        },
      },
    ];
  };

  const render = () => {
    if (mode.kind === 'list') {
      pick.placeholder = vscode.l10n.t('Type a rendering and press Enter to add it, or choose one to change it');
      pick.items = listItems();
      const typed = pick.value.trim() !== '';
      const focused = pick.items.find((i) => i.index !== undefined && i.index === focus);
      const target = typed ? pick.items[0] : (focused ?? pick.items[0]);
      pick.activeItems = target ? [target] : [];
    } else if (mode.kind === 'actions') {
      pick.placeholder = vscode.l10n.t('"{0}": edit, move up or remove', list[mode.index]);
      pick.items = actionItems(mode.index);
    } else {
      pick.placeholder = vscode.l10n.t('Edit the rendering and press Enter');
      pick.items = editItems(mode.index);
    }
    focus = undefined;
  };

  let finish: (result: string[] | undefined) => void = () => undefined;
  const done = new Promise<string[] | undefined>((resolve) => {
    finish = (result) => {
      finish = () => undefined;
      resolve(result ? [...result] : undefined);
      pick.dispose();
    };
  });
  pick.onDidChangeValue(() => {
    if (mode.kind !== 'actions') render();
  });
  pick.onDidAccept(() => (pick.selectedItems[0] ?? pick.activeItems[0])?.run());
  pick.onDidTriggerItemButton(({ item, button }) => {
    const index = item.index;
    if (index === undefined || mode.kind !== 'list') return;
    if (button === BUTTONS.up) move(index, index - 1);
    else if (button === BUTTONS.remove) list.splice(index, 1);
    else return show({ kind: 'edit', index }, list[index]);
    show({ kind: 'list' });
  });
  pick.onDidHide(() => finish(undefined));
  render();
  pick.show();
  return done;
}
