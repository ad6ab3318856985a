import { Welcome } from './welcome';

export function FacilitatorHome() {
  return (
    <div className="page">
      <Welcome role="facilitator" />
    </div>
  );
}
