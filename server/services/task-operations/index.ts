import type { OperationContext } from './context.ts';
import { history } from './history.ts';
import { transfer } from './transfer.ts';
import { delegate, resolve } from './delegate.ts';
import { carbonCopy } from './carbon-copy.ts';
import { urge } from './urge.ts';
import { withdraw } from './withdraw.ts';
import { returnNote, returnTargets, sendBack } from './send-back.ts';
import { addSigner } from './add-signer.ts';
import { sign, signers } from './sign.ts';

/** The approval operations on inbox tasks (转办, 委派, 抄送, 催办, 撤回, 退回, 加签) and the record they leave (审批记录). */
export function createTaskOperations(ctx: OperationContext) {
  return {
    history: history(ctx),
    transfer: transfer(ctx),
    delegate: delegate(ctx),
    resolve: resolve(ctx),
    carbonCopy: carbonCopy(ctx),
    urge: urge(ctx),
    withdraw: withdraw(ctx),
    returnTargets: returnTargets(ctx),
    sendBack: sendBack(ctx),
    returnNote: returnNote(ctx),
    addSigner: addSigner(ctx),
    sign: sign(ctx),
    signers: signers(ctx),
  };
}

export type TaskOperations = ReturnType<typeof createTaskOperations>;
