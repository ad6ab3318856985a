import { Welcome } from './welcome';

export function ParticipantHome() {
  return (
    <div className="page">
      <Welcome role="participant" />
    </div>
  );
}
