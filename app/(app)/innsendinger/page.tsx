import { NotYetAvailable } from "@/components/ui/not-yet-available";

export default function Page() {
  return <NotYetAvailable titleKey="nav.submissions" bodyKey="placeholder.submissions" />;
}
