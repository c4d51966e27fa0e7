export declare const chromePath: string;
export declare const chromiumArgs: string[];
export declare const reducedMotion: { readonly reducedMotion: 'reduce' };
