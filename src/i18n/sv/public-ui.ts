/** Texts of the citizen's pages without login: the e-application (e-ansökan) and its receipt. */
export const publicUi = {
  loginLink: 'Ansök om ekonomiskt bistånd (e-ansökan)',
  loginLinkIntro: 'Vill du som invånare söka ekonomiskt bistånd?',
  staffLogin: 'Inloggning för personal',
  form: {
    title: 'Ansök om ekonomiskt bistånd',
    intro:
      'Fyll i uppgifterna för den månad du söker för. Ansökan går till försörjningsenheten, och en handläggare kontaktar dig.',
    demoNotice:
      'Det här är en demonstrationsmiljö. Du identifierar dig med ditt personnummer. Inloggning med e-legitimation kommer senare.',
    unavailable:
      'E-ansökan är inte öppen ännu, eftersom inloggning med e-legitimation inte är införd. Ansök på papper eller kontakta försörjningsenheten.',
    required: 'Fält märkta med * måste fyllas i.',
    you: 'Du som söker',
    personalNumber: 'Personnummer *',
    personalNumberHint: '12 siffror: ÅÅÅÅMMDD-NNNN',
    month: 'Månad du söker för *',
    monthHint: 'Du kan söka för förra, denna eller nästa månad.',
    housing: 'Din bostad',
    address: 'Gatuadress',
    apartment: 'Lägenhetsnummer',
    costs: 'Dina kostnader per månad',
    costsHint: 'Till exempel hyra och el. Lämna raden tom om du inte har någon kostnad att ange.',
    cost: 'Kostnad {n}',
    incomes: 'Hushållets inkomster per månad',
    incomesHint:
      'Till exempel lön, barnbidrag eller bostadsbidrag. Lämna raden tom om hushållet saknar inkomster.',
    income: 'Inkomst {n}',
    type: 'Vad gäller det?',
    chooseType: 'Välj',
    amount: 'Belopp i kronor',
    addCost: 'Lägg till en kostnad',
    addIncome: 'Lägg till en inkomst',
    removeCost: 'Ta bort kostnad {n}',
    removeIncome: 'Ta bort inkomst {n}',
    situation: 'Din situation',
    unemployed: 'Jag är arbetslös',
    childrenLunch: 'Mina barn äter lunch utanför hemmet på vardagar',
    consentTitle: 'Samtycke *',
    consent:
      'Jag samtycker till att uppgifterna kontrolleras hos andra myndigheter, till exempel Försäkringskassan, Skatteverket och Arbetsförmedlingen, och jag intygar att uppgifterna är riktiga.',
    submit: 'Skicka ansökan',
    submitting: 'Skickar ansökan…',
    checkFields: 'Ansökan är inte skickad. Rätta de markerade fälten.',
    missing: {
      personalNumber: 'Skriv ditt personnummer.',
      month: 'Välj månad.',
      type: 'Välj vad det gäller.',
      amount: 'Skriv beloppet i kronor, till exempel 7200 eller 7 200,50.',
      consent: 'Du behöver kryssa i samtycket för att kunna skicka ansökan.',
    },
  },
  receipt: {
    title: 'Vi har tagit emot din ansökan',
    intro:
      'En handläggare går igenom ansökan och kontaktar dig. Spara ansökningsnumret och uppge det om du kontaktar oss.',
    number: 'Ansökningsnummer',
    month: 'Ansökan gäller',
    receivedOn: 'Inkom',
    another: 'Skicka en ny ansökan',
  },
};
