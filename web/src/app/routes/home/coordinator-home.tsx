import { Welcome } from './welcome';

export function CoordinatorHome() {
  return (
    <div className="page">
      <Welcome role="coordinator" />
    </div>
  );
}
