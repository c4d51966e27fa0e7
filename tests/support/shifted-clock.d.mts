export declare const TEST_NOW: string;
export declare function shiftedClock(at?: string): { now: () => Date; script: string };
