/** Fin-style payloads for the replay bench, one JSON object per line. */
import * as fs from 'node:fs';

function payloadLine(i: number): string {
  const countries = ['US', 'DE', 'AT', 'CH', 'FR', 'GB'];
  const plans = ['free', 'pro', 'business', 'enterprise'];
  return JSON.stringify({
    _firstName: `First${i}`,
    _lastName: `Last${i}`,
    _email: `user${i}@example.com`,
    _subject: `Question number ${i} about billing`,
    conversation_custom_data_Name: `First${i} Last${i}`,
    'conversation_custom_data_AI Tone of Voice': 'Friendly',
    user_user_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    user_email: `user${i}@example.com`,
    user_geoip_data_country_code2: countries[i % countries.length],
    user_geoip_data_city_name: 'Somewhere',
    user_browser_locale: 'en',
    plan: plans[i % plans.length],
    user_custom_data_unmapped: `extra ${i}`
  });
}

export function writePayloads(file: string, count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(payloadLine(i));
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}
