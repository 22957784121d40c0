import { describe, expect, it } from 'vitest';
import { splitCaption } from '../../../src/shared/credit';

const KIM =
  'North Korea’s leader Kim Jong Un, right, drives a Russian Aurus limousine as Russian President Vladimir Putin sits on the left during their meeting in Pyongyang, North Korea, on Wednesday, June 19, 2024.';

describe('splitCaption', () => {
  it.each([
    [
      `${KIM} (Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)`,
      KIM,
      'Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP',
    ],
    [
      'A TV screen shows an image of Kim Jong Un, Wednesday, June 19, 2024. (AP Photo/Ahn Young-joon)',
      'A TV screen shows an image of Kim Jong Un, Wednesday, June 19, 2024.',
      'AP Photo/Ahn Young-joon',
    ],
    [
      'Kim waves during the ceremony. REUTERS/Kim Hong-Ji',
      'Kim waves during the ceremony.',
      'REUTERS/Kim Hong-Ji',
    ],
    [
      'A shopper is pictured at a mall in Neuss near Duesseldorf, Germany, February 12, 2020. REUTERS/Wolfgang Rattay/File Photo',
      'A shopper is pictured at a mall in Neuss near Duesseldorf, Germany, February 12, 2020.',
      'REUTERS/Wolfgang Rattay/File Photo',
    ],
    [
      'Bush quickly scooped up the dog who was not injured. (AP Photo/Duane A. Laverty)',
      'Bush quickly scooped up the dog who was not injured.',
      'AP Photo/Duane A. Laverty',
    ],
    [
      'Sanchez speaks during the presentation of the agenda. Photo: Óscar Cañas/EUROPA PRESS/dpa',
      'Sanchez speaks during the presentation of the agenda.',
      'Óscar Cañas/EUROPA PRESS/dpa',
    ],
    [
      'Players compete at DW Stadium in Wigan, England. (Photo by Daniel Chesterton/phcimages.com)',
      'Players compete at DW Stadium in Wigan, England.',
      'Photo by Daniel Chesterton/phcimages.com',
    ],
    [
      'Kim inspects a launch. (KCNA/Handout via Reuters)',
      'Kim inspects a launch.',
      'KCNA/Handout via Reuters',
    ],
    [
      'Putin arrives in Pyongyang.\nSputnik/Gavriil Grigorov/Pool via REUTERS',
      'Putin arrives in Pyongyang.',
      'Sputnik/Gavriil Grigorov/Pool via REUTERS',
    ],
    [
      'Kim and Putin shake hands. JUNG YEON-JE/AFP via Getty Images',
      'Kim and Putin shake hands.',
      'JUNG YEON-JE/AFP via Getty Images',
    ],
    ['Fans cheer. REUTERS/Duane A. Laverty', 'Fans cheer.', 'REUTERS/Duane A. Laverty'],
    // A sentence before the signoff stays in the caption, however short the caption is.
    [
      'Kim waves, June 19, 2024. Officials said the talks would continue. REUTERS/Kim Hong-Ji',
      'Kim waves, June 19, 2024. Officials said the talks would continue.',
      'REUTERS/Kim Hong-Ji',
    ],
    ['A rally in Seoul (Yonhap via AP)', 'A rally in Seoul', 'Yonhap via AP'],
  ])('splits the credit off %j', (text, caption, credit) => {
    expect(splitCaption(text)).toEqual({ caption, credit });
  });

  it.each([
    'Kim Jong Un, right, and Vladimir Putin (left)',
    'Kim Jong Un inspects the factory (pictured in 2019)',
    'The Kremlin in Moscow. (File photo)',
    'Kim Jong Un waves to the crowd (Kim Jong Un, right)',
    'Leaders meet at the summit (Kim Jong Un)',
    'The lake at dawn (the camera faces east)',
    'A view of the Stockholm International Peace Research Institute (SIPRI)',
    'The ministry said it would respond. It did not say when.',
    'Putin, similarly, has focused diplomatic efforts on enhancing ties with Kim.',
    'Figures in 2023 (10,000 containers)',
    'Exports rose 5% in/out of the port.',
    '',
  ])('leaves %j whole', (text) => {
    expect(splitCaption(text)).toEqual({ caption: text.trim(), credit: '' });
  });
});
