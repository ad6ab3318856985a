import { findIdentifyingInfo, isCprDate, type IdentifyingKind } from './identifying-info';

const kindsOf = (text: string) => findIdentifyingInfo(text);

describe('findIdentifyingInfo', () => {
  const catches: Array<[string, IdentifyingKind]> = [
    // CPR numbers, with or without the dash, with a real date of birth.
    ['Mit cpr er 010203-1234', 'cpr'],
    ['0102031234', 'cpr'],
    ['cpr: 311299-4321', 'cpr'],
    ['290224-1234', 'cpr'],
    ['hun er 150585 1234', 'cpr'],
    // Phone numbers: +45 / 0045 or eight digits as Danes write them.
    ['Ring på +45 12 34 56 78', 'phone'],
    ['+4512345678', 'phone'],
    ['0045 1234 5678', 'phone'],
    ['+45 25-17-73-74', 'phone'],
    ['hans nummer er 87654321', 'phone'],
    ['12 34 56 78', 'phone'],
    ['12345678', 'phone'],
    ['25 17 73 74', 'phone'],
    ['2517 7374', 'phone'],
    ['tlf:42424242.', 'phone'],
    // E-mail addresses.
    ['skriv til anna@example.dk', 'email'],
    ['a.b+c@mail.co.uk', 'email'],
    ['søren@post.dk', 'email'],
    ['Hans.Hansen@Firma.DK.', 'email'],
    // Street addresses with a number.
    ['Han bor på Kongensgade 12', 'address'],
    ['Nørre Allé 3B', 'address'],
    ['Vestergade 4, 2. th', 'address'],
    ['H.C. Andersens Boulevard 27', 'address'],
    ['kongensgade 12 i går', 'address'],
    ['Strandvejen 129', 'address'],
    ['Gammel Kongevej 10A', 'address'],
    ['på Kongens Nytorv 3', 'address'],
    ['Hyldegårdsallé 7', 'address'],
    ['Skolebakken 4 i Esbjerg', 'address'],
    ['Gammel Have 3', 'address'],
    // Danish number plates.
    ['bilen havde AB 12 345', 'plate'],
    ['AB12345', 'plate'],
    ['XY 98765 holdt udenfor', 'plate'],
    ['ÆØ 12 345', 'plate'],
  ];

  it.each(catches)('finds %j as %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  const ordinary = [
    'Vi ses kl. 18.00',
    'Vi ses kl. 18:00',
    'kl. 18.30-20.00',
    'Mødet er d. 24/3',
    'Mødet er 24.03.2026 kl. 18.00',
    'Mødet er 24. marts 2026',
    '2026-03-24',
    'fra 2020-2024',
    'i 1998 flyttede jeg',
    'Det kostede 12.500 kr',
    'Det kostede 12 500 kr',
    'ca 12 500 kr',
    'omkring 1.250.000 kr.',
    '250,50 kr.',
    '100 %',
    'Jeg har 2 børn på 4 og 7 år',
    'Jeg har været med 15 gange',
    '10 20 30',
    '1 2 3 4 5 6 7 8',
    'uge 12',
    'Bus 5A kl. 9.15',
    'Han holdt øje med mig ved Kongensgade i går',
    'Han kørte ad hovedvejen 2 km',
    'Vi mødes på Torvet 18.00',
    'Jeg er på vej, 10 min',
    'Der var 12345 deltagere',
    'samtidig 12',
    'linje 1\n\tlinje 2 😀',
    'mens du var væk 7',
    'Han har sendt 300 sms’er på 3 dage',
    'Jeg bor på 3. sal',
    'Min søn er 13 og min datter 11',
    'Det var 1234567 gange værre',
    '320199-1234',
    '311399-1234',
    '290223-1234',
    'skriv @ mig',
    'Jeg sov 8 timer',
  ];

  it.each(ordinary)('lets %j through', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it('reports each kind once, in a fixed order', () => {
    expect(kindsOf('AB 12 345 og anna@example.dk og 12345678 og 010203-1234 og Vestergade 4')).toEqual([
      'cpr',
      'phone',
      'email',
      'address',
      'plate',
    ]);
  });

  it('does not call a CPR number a phone number too', () => {
    expect(kindsOf('0102031234')).toEqual(['cpr']);
    expect(kindsOf('010203 1234')).toEqual(['cpr']);
    expect(kindsOf('010203-1234')).toEqual(['cpr']);
  });
});

describe('isCprDate', () => {
  it('knows the length of months and leap years', () => {
    expect(isCprDate(31, 1, 99)).toBe(true);
    expect(isCprDate(31, 4, 99)).toBe(false);
    expect(isCprDate(29, 2, 24)).toBe(true);
    expect(isCprDate(29, 2, 23)).toBe(false);
    expect(isCprDate(0, 5, 80)).toBe(false);
    expect(isCprDate(12, 13, 80)).toBe(false);
  });
});
