import { careMissedText } from './care-missed-text';

describe(careMissedText.name, () => {
  it('names the client reference and the group in Danish and English, and says why the coordinator is told', () => {
    expect(careMissedText('da', 'J.nr. 2027-114', 'Tirsdagsgruppen')).toBe(
      'Din klient J.nr. 2027-114 har ikke været med i Tirsdagsgruppen de seneste gange. Klienten har selv valgt, at du får besked, så du kan høre, hvordan det går.',
    );
    expect(careMissedText('en', 'J.nr. 2027-114', 'Tirsdagsgruppen')).toBe(
      'Your client J.nr. 2027-114 has missed the last meetings of Tirsdagsgruppen. They chose to let you know, so you can check on them.',
    );
  });

  it('still makes sense for a referral without a reference', () => {
    expect(careMissedText('da', null, 'Tirsdagsgruppen')).toMatch(/^En klient, du har henvist, har ikke været med i Tirsdagsgruppen/);
    expect(careMissedText('en', null, 'Tirsdagsgruppen')).toMatch(/^A client you referred has missed/);
  });
});
