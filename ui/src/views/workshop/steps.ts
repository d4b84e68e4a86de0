import { ElMessage } from "element-plus";
import { commands, type BoardCard, type WorkOrderFile } from "../../api";
import { showError } from "../../composables/errors";
import { i18n } from "../../i18n";
import { useStaffStore } from "../../stores/staff";

export type AfterQc = "start_wash" | "finish_wash" | "park";

/**
 * 送洗, 洗车完毕 or 停入竣工区 for a car, recorded under the desk's operator;
 * says what happened, or why the core refused. The order as it is now, or
 * null when refused.
 */
export async function afterQc(card: Pick<BoardCard, "orderId" | "plate">, action: AfterQc): Promise<WorkOrderFile | null> {
  const staff = useStaffStore();
  try {
    const file = await commands.workshopAfterQc(card.orderId, action, staff.actorId);
    ElMessage.success(i18n.global.t(`workshop.done.${action}`, { plate: card.plate }));
    return file;
  } catch (e) {
    showError(e);
    return null;
  }
}
