// A server component rendering the client component: Next.js renders it on the server (at
// `next build`, the page being static), then hydrates it in the browser.
import Estimate from "./estimate";

export default function Page() {
  return (
    <main>
      <Estimate />
    </main>
  );
}
