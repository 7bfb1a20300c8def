import { useTranslation } from 'react-i18next';
import { clamp01, moodBand } from './mood-band';

interface Props {
  name: string;
  anger: number;
  trust: number;
  size?: number;
}

const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);

/**
 * A face drawn from the mood: brows knit and the mouth turns down as anger rises, and trust lifts
 * the corners back up. Pure geometry, so it scales, prints and needs no image assets.
 */
export function CustomerAvatar({ name, anger, trust, size = 120 }: Props) {
  const { t } = useTranslation('ui');
  const a = clamp01(anger / 100);
  const tr = clamp01(trust / 100);
  const smile = (0.45 - a) * 1.4 + (tr - 0.5) * 0.6; // about -1 (scowl) … +1 (smile)
  const mouthY = 82;
  const mouth = `M44 ${mouthY} Q60 ${(mouthY + smile * 16).toFixed(1)} 76 ${mouthY}`;
  const browTilt = a * 9;
  const leftBrow = `M34 ${40 - browTilt / 3} L52 ${(40 + browTilt).toFixed(1)}`;
  const rightBrow = `M86 ${40 - browTilt / 3} L68 ${(40 + browTilt).toFixed(1)}`;
  const skin = `rgb(${mix(246, 240, a)}, ${mix(220, 160, a)}, ${mix(190, 140, a)})`;
  const band = moodBand(anger);
  return (
    <svg
      className="avatar"
      data-band={band}
      viewBox="0 0 120 120"
      width={size}
      height={size}
      role="img"
      aria-label={t('avatar.label', { name, mood: t(`mood.${band}`) })}
    >
      <circle cx="60" cy="60" r="54" fill={skin} stroke="#6b4f3a" strokeWidth="2" className="avatar__face" />
      <path d="M14 48 Q20 8 60 8 Q100 8 106 48 Q96 24 60 24 Q24 24 14 48Z" fill="#3b3029" />
      <path d={leftBrow} className="avatar__brow" />
      <path d={rightBrow} className="avatar__brow" />
      <circle cx="44" cy="54" r="4.5" fill="#2b2b2b" />
      <circle cx="76" cy="54" r="4.5" fill="#2b2b2b" />
      <path d={mouth} className="avatar__mouth" />
      {a > 0.6 ? (
        <path d="M98 30 l6 -6 M102 36 l8 -2" stroke="#c0392b" strokeWidth="3" strokeLinecap="round" />
      ) : null}
    </svg>
  );
}
