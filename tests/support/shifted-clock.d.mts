export declare const TEST_NOW: string;
export declare function shiftedClock(): { now: () => Date; script: string };
