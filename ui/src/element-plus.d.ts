// element-plus/global types the components but not the directives; main.ts installs
// v-loading with the rest, so tell the template checker about it.
import type { vLoading } from "element-plus";

declare module "vue" {
  interface GlobalDirectives {
    vLoading: typeof vLoading;
  }
}

export {};
