import fs from 'fs';
import polylabel from 'polylabel';
const g=JSON.parse(fs.readFileSync('data/bangli_villages_boundaries.geojson'));
const R=6371008.8, rad=Math.PI/180;
function hav(a,b){const dl=(b[1]-a[1])*rad, dg=(b[0]-a[0])*rad; const h=Math.sin(dl/2)**2+Math.cos(a[1]*rad)*Math.cos(b[1]*rad)*Math.sin(dg/2)**2; return 2*R*Math.asin(Math.sqrt(h));}
function inRing(x,y,r){let c=false;for(let i=0,j=r.length-1;i<r.length;j=i++){const [xi,yi]=r[i],[xj,yj]=r[j]; if((yi>y)!==(yj>y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi) c=!c;} return c;}
function segD2(px,py,a,b,k){const ax=a[0]*k,ay=a[1],bx=b[0]*k,by=b[1];let dx=bx-ax,dy=by-ay;let t=((px-ax)*dx+(py-ay)*dy)/(dx*dx+dy*dy||1);t=Math.max(0,Math.min(1,t));const qx=ax+t*dx-px,qy=ay+t*dy-py;return qx*qx+qy*qy;}
for (const [N, proj, incl] of [[40,false,true],[40,true,true],[40,false,false]]) {
 let ds=[], ratio=[];
 for (const f of g.features){
  const polys = f.geometry.type==='Polygon'?[f.geometry.coordinates]:f.geometry.coordinates;
  const all=polys.flat(2); const xs=all.map(p=>p[0]), ys=all.map(p=>p[1]);
  const minx=Math.min(...xs),maxx=Math.max(...xs),miny=Math.min(...ys),maxy=Math.max(...ys);
  const k = proj?Math.cos(((miny+maxy)/2)*rad):1;
  let best=null;
  for (let i=incl?0:1;i<=(incl?N:N-1);i++) for (let j=incl?0:1;j<=(incl?N:N-1);j++){
    const x=minx+(maxx-minx)*i/N, y=miny+(maxy-miny)*j/N;
    const inside = polys.some(p=>inRing(x,y,p[0]) && !p.slice(1).some(h=>inRing(x,y,h)));
    if(!inside) continue;
    let d=Infinity; for(const p of polys) for(const r of p) for(let m=1;m<r.length;m++) d=Math.min(d,segD2(x*k,y,r[m-1],r[m],k));
    if(!best||d>best.d) best={x,y,d};
  }
  const d=hav([best.x,best.y],[f.properties.interior_lng,f.properties.interior_lat]); ds.push(d);
 }
 ds.sort((a,b)=>a-b);
 console.log(N,proj,incl,'max',ds[71].toFixed(2),'median',ds[36].toFixed(2), 'n>1m', ds.filter(d=>d>1).length);
}
